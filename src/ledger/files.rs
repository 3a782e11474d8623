//! The ledger's files on disk, and the facts about paths that every file payctl writes is
//! checked against: which files make up a ledger, where a path really leads, and private
//! temporary files beside a target.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Component, Path, PathBuf};

/// The files SQLite keeps beside a ledger: its write-ahead log, its shared-memory index and
/// its rollback journal (while a migration or an old payctl has it in rollback mode).
pub const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// How many symbolic links [`resolve`] follows before it gives up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// The ledger at `path` and the files SQLite keeps beside it, each with its suffix ("" for
/// the ledger itself), whether they exist yet or not. SQLite names the side files after the
/// ledger's real path (it follows a symlink to the ledger), so when `path` leads elsewhere
/// the side files of both names are listed.
pub fn ledger_files(path: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut files = vec![(path.to_path_buf(), "")];
    let real = resolve(path).filter(|r| r != path);
    for base in std::iter::once(path.to_path_buf()).chain(real.clone()) {
        for suffix in SIDE_SUFFIXES {
            let mut name = base.clone().into_os_string();
            name.push(suffix);
            files.push((PathBuf::from(name), suffix));
        }
    }
    if let Some(real) = real {
        files.push((real, ""));
    }
    files
}

/// Where `path` leads: an absolute path whose folder has no symlink, `.` or `..` left, with
/// the symlinks of its last component followed, even to a file that does not exist yet (a
/// dangling link leads to the file that writing through it would create). `None` when its
/// folder does not exist or the links go round in a loop.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    let mut current = std::path::absolute(path).ok()?;
    for _ in 0..MAX_LINKS {
        let name = match current.components().next_back() {
            Some(Component::Normal(name)) => name.to_owned(),
            // `/`, or a path ending in `..`: a folder, never a file to resolve further.
            _ => return current.canonicalize().ok(),
        };
        let folder = current.parent()?.canonicalize().ok()?;
        let joined = folder.join(&name);
        match fs::symlink_metadata(&joined) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // A relative link is read from the link's own folder.
                current = folder.join(fs::read_link(&joined).ok()?);
            }
            _ => return Some(joined),
        }
    }
    None
}

/// The device and inode of the file `path` names (following symlinks), if it exists: two
/// names of one file (a hard link, a symlink, `./x`) have the same.
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// An empty file, 0600, created with O_EXCL beside a target named `name` in `folder`
/// (`.NAME.payctl-tmp-PID-N`), after removing what earlier payctl processes killed while
/// writing to the same name left behind.
pub fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    remove_stale_temps(folder, name);
    let pid = std::process::id();
    for n in 0..100 {
        let path = folder.join(format!(".{name}.payctl-tmp-{pid}-{n}"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "too many temporary files left over (.{name}.payctl-tmp-*)"
    )))
}

/// Removes what earlier writes to the same name left when they were killed: temporary files
/// (and their SQLite journals) whose process is gone. Best effort, and only where /proc tells
/// which processes run.
fn remove_stale_temps(folder: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}.payctl-tmp-");
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().filter(|p| p.parse::<u32>().is_ok()) else {
            continue;
        };
        if !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename in `folder` durable.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder).and_then(|f| f.sync_all())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_links_and_dots_to_files_not_yet_there() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        std::os::unix::fs::symlink("sub/target.db", root.join("link.db")).unwrap();
        std::os::unix::fs::symlink("link.db", root.join("link2.db")).unwrap();
        std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
        let target = root.join("sub/target.db");
        assert_eq!(resolve(&root.join("link2.db")), Some(target.clone()));
        assert_eq!(resolve(&root.join("sub/../link.db")), Some(target.clone()));
        assert_eq!(resolve(&root.join("sub/./target.db")), Some(target));
        assert_eq!(resolve(&root.join("loop")), None);
        assert_eq!(resolve(&root.join("missing/x.db")), None);
        assert_eq!(resolve(&root.join("sub/..")), Some(root.clone()));
    }

    #[test]
    fn the_side_files_of_a_linked_ledger_are_those_of_both_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::os::unix::fs::symlink("real.db", root.join("l.db")).unwrap();
        let names: Vec<(String, &str)> = ledger_files(&root.join("l.db"))
            .into_iter()
            .map(|(p, s)| (p.strip_prefix(&root).unwrap().display().to_string(), s))
            .collect();
        assert_eq!(
            names,
            [
                ("l.db".to_string(), ""),
                ("l.db-wal".to_string(), "-wal"),
                ("l.db-shm".to_string(), "-shm"),
                ("l.db-journal".to_string(), "-journal"),
                ("real.db-wal".to_string(), "-wal"),
                ("real.db-shm".to_string(), "-shm"),
                ("real.db-journal".to_string(), "-journal"),
                ("real.db".to_string(), ""),
            ]
        );
    }
}
