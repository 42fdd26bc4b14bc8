//! Running a command and measuring its wall time, CPU time and peak memory.
//!
//! Peak memory is the largest resident set of the command or any process it waited for
//! (for `cargo build`, that is the largest `rustc`), as the kernel reports it through
//! `wait4`: the same number `/usr/bin/time -v` prints as "Maximum resident set size", without
//! needing that program. `wait4` is declared here rather than through the `libc` crate so that
//! the benchmark has no dependencies. On platforms where this is not wired up, memory and CPU
//! time are reported as unavailable and everything else works.

use std::fs::File;
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a command cost.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Wall-clock time from spawn to exit.
    pub wall: Duration,
    /// User + system CPU time of the command and its waited-for descendants.
    pub cpu: Option<Duration>,
    /// Peak resident set size of the largest process in the tree, in KiB.
    pub max_rss_kib: Option<u64>,
}

/// Runs `cmd` with stdout discarded and stderr written to `log`; fails (with the log's tail)
/// when the command fails.
pub fn measure(cmd: &mut Command, log: &Path) -> io::Result<Sample> {
    cmd.stdout(Stdio::null());
    measure_inner(cmd, log)
}

/// [`measure`], with stdout written to `stdout`.
pub fn measure_with_stdout(cmd: &mut Command, log: &Path, stdout: &Path) -> io::Result<Sample> {
    cmd.stdout(Stdio::from(File::create(stdout)?));
    measure_inner(cmd, log)
}

fn measure_inner(cmd: &mut Command, log: &Path) -> io::Result<Sample> {
    let stderr = File::create(log)?;
    cmd.stdin(Stdio::null()).stderr(Stdio::from(stderr));
    let start = Instant::now();
    let child = cmd.spawn()?;
    let (status, cpu, max_rss_kib) = sys::wait(child)?;
    let wall = start.elapsed();
    if !status.success() {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(io::Error::other(format!(
            "{cmd:?} failed ({status}); last lines of {}:\n{}",
            log.display(),
            tail.join("\n")
        )));
    }
    Ok(Sample {
        wall,
        cpu,
        max_rss_kib,
    })
}

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod sys {
    use std::io;
    use std::os::raw::{c_int, c_long};
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Child, ExitStatus};
    use std::time::Duration;

    #[repr(C)]
    #[derive(Default)]
    struct Timeval {
        sec: c_long,
        usec: c_long,
    }

    /// `struct rusage` of Linux on 64-bit targets: two `timeval`s, then 14 `long`s of which
    /// the first is `ru_maxrss` (KiB).
    #[repr(C)]
    #[derive(Default)]
    struct Rusage {
        utime: Timeval,
        stime: Timeval,
        maxrss: c_long,
        rest: [c_long; 13],
    }

    extern "C" {
        fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
    }

    fn duration(t: &Timeval) -> Duration {
        Duration::from_secs(t.sec.max(0) as u64) + Duration::from_micros(t.usec.max(0) as u64)
    }

    /// Waits for `child` with `wait4`, which also returns its resource usage. On Linux that
    /// usage covers the child and every descendant it waited for (for `ru_maxrss`, the
    /// largest of them), which is how `cargo` waits for `rustc`.
    pub fn wait(child: Child) -> io::Result<(ExitStatus, Option<Duration>, Option<u64>)> {
        let pid = child.id() as c_int;
        let mut status: c_int = 0;
        let mut usage = Rusage::default();
        loop {
            // SAFETY: `status` and `usage` are valid, writable and live for the call; `usage`
            // has the layout of Linux's `struct rusage` on 64-bit targets; `pid` is our own
            // unwaited child (std does not reap it: we never call `Child::wait`).
            let ret = unsafe { wait4(pid, &mut status, 0, &mut usage) };
            if ret == pid {
                break;
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
        let cpu = duration(&usage.utime) + duration(&usage.stime);
        Ok((
            ExitStatus::from_raw(status),
            Some(cpu),
            Some(usage.maxrss.max(0) as u64),
        ))
    }
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
mod sys {
    use std::io;
    use std::process::{Child, ExitStatus};
    use std::time::Duration;

    /// Without `wait4` wiring: the exit status only.
    pub fn wait(mut child: Child) -> io::Result<(ExitStatus, Option<Duration>, Option<u64>)> {
        Ok((child.wait()?, None, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    #[test]
    fn measures_a_child_and_its_memory() {
        let dir = std::env::temp_dir().join(format!("layout-bench-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("log");
        // `sh` waits for its children; their usage is reported through `sh`.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("head -c 67108864 /dev/zero | tail -c 1 > /dev/null; true");
        let sample = measure(&mut cmd, &log).unwrap();
        assert!(sample.max_rss_kib.unwrap() > 0);
        assert!(sample.cpu.is_some());
        let mut failing = Command::new("sh");
        failing.arg("-c").arg("echo oops >&2; exit 3");
        let err = measure(&mut failing, &log).unwrap_err().to_string();
        assert!(err.contains("oops"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
