//! All-or-nothing replacement of a data directory: the new version is built
//! in a staging directory beside it (a copy of the current data, or empty),
//! made durable, and then swapped in with one atomic rename (Linux
//! `renameat2(RENAME_EXCHANGE)`). A crash, a signal or a full disk at any
//! moment leaves either the old directory or the complete new one; a staging
//! directory left behind is removed by the next replacement and reported by
//! `check`.

use std::path::{Path, PathBuf};

use super::{sync_dir, Store, StoreError};

/// Where the new version of `target` is built: `.NAME.staging` beside it.
pub fn staging_dir(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty());
    parent
        .unwrap_or_else(|| Path::new("."))
        .join(format!(".{name}.staging"))
}

/// What the staging directory starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A copy of the current data (an import changes it).
    Copy,
    /// Nothing (a restore fills an empty directory).
    Empty,
}

/// Builds a new version of the data directory `target` with `build` (which
/// gets the staging directory and must close everything it opened there
/// before it returns), then swaps it in. `current` checks the current data
/// before anything is built (e.g. that a restore target is empty). On any
/// error the staging directory is removed and `target` is as it was.
pub fn replace<T, E: From<StoreError>>(
    target: &Path,
    start: Start,
    current: impl FnOnce(&Store) -> Result<(), E>,
    build: impl FnOnce(&Path) -> Result<T, E>,
) -> Result<T, E> {
    // Holding the current store keeps the bot (and any other import) out
    // while the new version is built.
    let store = Store::open(target)?;
    current(&store)?;
    store.flush()?;
    let staging = staging_dir(target);
    remove(&staging).map_err(StoreError::from)?;
    let built = match start {
        Start::Copy => copy_dir(target, &staging),
        Start::Empty => std::fs::create_dir(&staging),
    }
    .map_err(|e| E::from(StoreError::from(e)))
    .and_then(|()| build(&staging))
    .and_then(|value| {
        durable(&staging)?;
        // sled is closed before the swap (it writes by path); our own lock
        // on its log keeps any other process out until the swap is done.
        drop(store);
        let lock = super::retry_locked(|| lock_log(target))?;
        exchange(&staging, target)?;
        drop(lock);
        Ok(value)
    });
    // After a swap the old data sits at the staging path; after an error,
    // the unfinished new data does.
    let _ = remove(&staging);
    built
}

/// An exclusive advisory lock on the data directory's log (the lock sled
/// takes), or `Locked` when another process holds it.
#[cfg(unix)]
fn lock_log(dir: &Path) -> Result<std::fs::File, StoreError> {
    use std::os::unix::io::AsRawFd;
    let file = std::fs::File::open(dir.join("db"))?;
    // SAFETY: flock on a file descriptor this function owns.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc == 0 {
        Ok(file)
    } else {
        Err(StoreError::Locked {
            path: dir.display().to_string(),
        })
    }
}

#[cfg(not(unix))]
fn lock_log(dir: &Path) -> Result<std::fs::File, StoreError> {
    Ok(std::fs::File::open(dir.join("db"))?)
}

/// A staging directory left by an interrupted import or restore, if any.
pub fn leftover(target: &Path) -> Option<PathBuf> {
    let s = staging_dir(target);
    s.exists().then_some(s)
}

fn remove(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Copies a directory's files (sled's `conf`, `db`, `snap.*` and `blobs/`).
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}

/// fsyncs every file and directory under `dir`.
fn durable(dir: &Path) -> Result<(), StoreError> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            durable(&entry.path())?;
        } else {
            std::fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

/// Swaps two directories atomically and makes the swap durable.
fn exchange(a: &Path, b: &Path) -> Result<(), StoreError> {
    exchange_paths(a, b)?;
    if let Some(parent) = b.parent().filter(|p| !p.as_os_str().is_empty()) {
        sync_dir(parent)?;
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange_paths(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call; renameat2 reads them and touches no other memory.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere two renames: a crash between them leaves the new data at the
/// staging path and none at the target (reported by `check`).
#[cfg(not(target_os = "linux"))]
fn exchange_paths(a: &Path, b: &Path) -> std::io::Result<()> {
    let old = b.with_extension("old");
    std::fs::rename(b, &old)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&old, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staging_sits_beside_the_target() {
        assert_eq!(
            staging_dir(Path::new("/srv/bot/data")),
            Path::new("/srv/bot/.data.staging")
        );
        assert_eq!(staging_dir(Path::new("data")), Path::new("./.data.staging"));
    }
}
