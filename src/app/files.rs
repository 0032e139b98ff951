//! Files written for people (an export, a backup, a file the console saves
//! from a reply), so that a crash, a kill or a full disk never leaves a half
//! file under a final name: the bytes go to a temporary file beside it,
//! are fsynced, and only then take the final name; the directory is fsynced
//! so that the name survives a power cut too. On an error the temporary
//! file is removed.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How many names [`create_new`] tries: `NAME`, then `NAME-1` to `NAME-999`.
const TRIES: usize = 1000;

/// Writes `path` with `write`, replacing any file there (`export --output`,
/// a backup): into `PATH.tmp` first, fsynced, then renamed over `path`.
pub fn replace<E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), E>,
) -> Result<(), E> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written = File::create(&tmp)
        .map_err(E::from)
        .and_then(|file| durable(file, write))
        .and_then(|()| {
            std::fs::rename(&tmp, path)?;
            Ok(sync_dir(parent(path))?)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Writes `bytes` to a new file in `dir` named `STEM.EXT`, or `STEM-1.EXT`,
/// `STEM-2.EXT`, … when a file has that name: a file already there is never
/// written over. Returns the path written.
///
/// The bytes are written once, to a hidden temporary file (`.STEM.EXT.tmp`,
/// itself never one already there), fsynced, then hard-linked to the first
/// free name (a link, unlike a rename, never replaces a file) and the
/// temporary name removed.
pub fn create_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let name = |n: usize| match n {
        0 => format!("{stem}.{ext}"),
        n => format!("{stem}-{n}.{ext}"),
    };
    let (tmp, file) = first_free(|n| {
        let p = dir.join(format!(".{}.tmp", name(n)));
        OpenOptions::new().write(true).create_new(true).open(&p).map(|f| (p, f))
    })?;
    let linked = durable(file, |w| w.write_all(bytes)).and_then(|()| {
        first_free(|n| {
            let path = dir.join(name(n));
            std::fs::hard_link(&tmp, &path).map(|()| path)
        })
    });
    let _ = std::fs::remove_file(&tmp);
    let path = linked?;
    // The new name, and the temporary one gone, on disk.
    if let Err(e) = sync_dir(dir) {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    Ok(path)
}

/// The first of [`TRIES`] attempts that does not find its name taken.
fn first_free<T>(mut attempt: impl FnMut(usize) -> io::Result<T>) -> io::Result<T> {
    for n in 0..TRIES {
        match attempt(n) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            other => return other,
        }
    }
    Err(io::Error::new(
        ErrorKind::AlreadyExists,
        format!("{TRIES} names are taken"),
    ))
}

/// Writes a file through a buffer and fsyncs it.
fn durable<E: From<io::Error>>(file: File, write: impl FnOnce(&mut BufWriter<File>) -> Result<(), E>) -> Result<(), E> {
    let mut w = BufWriter::with_capacity(1 << 16, file);
    write(&mut w)?;
    let file = w.into_inner().map_err(|e| E::from(e.into_error()))?;
    file.sync_all()?;
    Ok(())
}

/// The directory a path is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// fsyncs a directory, so that names made or removed in it survive a power
/// cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_new_file_never_writes_over_one_there() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("s.csv"), "mine").unwrap();
        // A temporary name taken too (left by someone else) is passed over.
        std::fs::write(dir.path().join(".s-1.csv.tmp"), "theirs").unwrap();
        let a = create_new(dir.path(), "s", "csv", b"one").unwrap();
        let b = create_new(dir.path(), "s", "csv", b"two").unwrap();
        assert_eq!(a, dir.path().join("s-1.csv"));
        assert_eq!(b, dir.path().join("s-2.csv"));
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&b).unwrap(), b"two");
        assert_eq!(std::fs::read(dir.path().join("s.csv")).unwrap(), b"mine");
        assert_eq!(names(dir.path()), [".s-1.csv.tmp", "s-1.csv", "s-2.csv", "s.csv"]);
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        assert!(create_new(&missing, "s", "csv", b"x").is_err());
        assert!(!missing.exists());
        let path = dir.path().join("out.json");
        let r: io::Result<()> = replace(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("stopped"))
        });
        assert!(r.is_err());
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn replace_writes_over_the_file_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        replace(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["out.json"]);
    }
}
