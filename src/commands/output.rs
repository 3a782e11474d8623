//! The files payctl writes for the user (`export --to`, `import --rejects`, `backup FILE`):
//! never the ledger, one of its side files or an input of the same command, however named;
//! and whole or not at all.
//!
//! [`check_target`] runs before the ledger or any output is opened. [`Output`] writes a
//! regular file through a private temporary file beside it (`.NAME.payctl-tmp-PID-N`, 0600,
//! O_EXCL), fsynced and renamed over the target only once complete, so a failure leaves the
//! old file (or none) and no partial one. A target that cannot be renamed onto (a character
//! device such as /dev/stdout or /dev/full, a FIFO) is written directly; its failures are
//! still errors (exit 74).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, StorageKind};
use crate::ledger::files;

/// The same file twice: the same inode (hard links, symlinks and other spellings of an
/// existing file), or the same resolved location (a file that does not exist yet, such as
/// a ledger's `-wal` between two commands).
fn same_file(a: &Named, b: &Named) -> bool {
    (a.id.is_some() && a.id == b.id) || (a.location.is_some() && a.location == b.location)
}

/// A path's identity: its device and inode if it exists, and where it leads.
struct Named {
    id: Option<(u64, u64)>,
    location: Option<PathBuf>,
}

impl Named {
    fn of(path: &Path) -> Named {
        Named {
            id: files::file_id(path),
            location: files::resolve(path),
        }
    }

    /// The import's stdin: the file it reads, if it was redirected from one.
    fn stdin() -> Named {
        let id = rustix::fs::fstat(io::stdin())
            .ok()
            .map(|st| (st.st_dev, st.st_ino));
        Named { id, location: None }
    }
}

/// Refuses (exit 2) an output `target` given as `flag` that is the ledger at `ledger`, one of
/// its `-wal`, `-shm` or `-journal` files, or one of `inputs` (`-` is stdin), and one whose
/// folder does not exist. Nothing is opened: call it before the ledger and the output are.
pub fn check_target(
    flag: &str,
    key: &str,
    target: &Path,
    ledger: &Path,
    inputs: &[&Path],
) -> Result<()> {
    let shown = target.display();
    let wanted = Named::of(target);
    // Writing to a device or FIFO (/dev/stdout, /dev/null) destroys no file, and stdin and
    // stdout may well be one terminal; a ledger is always a regular file.
    let special = fs::metadata(target).is_ok_and(|m| !m.is_file());
    let ledger_files = match special {
        true => Vec::new(),
        false => files::ledger_files(ledger),
    };
    for (file, suffix) in ledger_files {
        if same_file(&Named::of(&file), &wanted) {
            let what = match suffix {
                "" => format!(
                    "is the ledger itself (the same file as ledger '{}')",
                    ledger.display()
                ),
                side => format!(
                    "is the ledger's {side} file (ledger '{}')",
                    ledger.display()
                ),
            };
            return Err(Error::usage(
                key,
                format!("{flag} '{shown}' {what}; choose another file"),
            ));
        }
    }
    for input in inputs.iter().filter(|_| !special) {
        let named = match *input == Path::new("-") {
            true => Named::stdin(),
            false => Named::of(input),
        };
        if same_file(&named, &wanted) {
            return Err(Error::usage(
                key,
                format!(
                    "{flag} '{shown}' is the file being imported (the same file as '{}'); choose another file",
                    input.display()
                ),
            ));
        }
    }
    let folder = match target.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder,
        None => Path::new("."),
    };
    if !folder.is_dir() {
        let problem = match folder.exists() {
            true => format!("'{}' is a file, not a folder;", folder.display()),
            false => format!(
                "folder '{}' does not exist; create it first or",
                folder.display()
            ),
        };
        return Err(Error::usage(
            key,
            format!("{flag} '{shown}': {problem} choose another file"),
        ));
    }
    if wanted.location.is_none() {
        return Err(Error::usage(
            key,
            format!(
                "{flag} '{shown}' is a symbolic link into a folder that does not exist, or a loop of links; choose another file"
            ),
        ));
    }
    Ok(())
}

/// Where an [`Output`] writes.
enum Sink {
    Stdout(io::Stdout),
    /// A device or FIFO, written as it is.
    Direct(File),
    /// A temporary file beside `target`, renamed over it by [`Output::finish`].
    Temp {
        file: File,
        /// `None` once renamed into place.
        temp: Option<PathBuf>,
        target: PathBuf,
        folder: PathBuf,
    },
}

/// A file payctl writes for the user, whole or not at all: see the module's documentation.
pub struct Output {
    /// How the user named it (`--to 'payments.csv'`), for errors.
    label: String,
    /// Added to every write error (`; nothing was imported`).
    note: &'static str,
    sink: Sink,
}

impl Output {
    /// Standard output (`export` without `--to`, or `--to -`).
    pub fn stdout() -> Output {
        Output {
            label: "the export".to_string(),
            note: "",
            sink: Sink::Stdout(io::stdout()),
        }
    }

    /// Starts writing `target`, given as `flag`: a temporary file beside it (following a
    /// symlink to the file it points to), or the device itself. Failing to start is a usage
    /// error (exit 2), as the path is the user's to fix; a failed write later is exit 74.
    pub fn create(flag: &str, key: &str, target: &Path, note: &'static str) -> Result<Output> {
        let label = format!("{flag} '{}'", target.display());
        let cannot =
            |e: &dyn std::fmt::Display| Error::usage(key, format!("cannot write {label}: {e}"));
        let real = files::resolve(target).unwrap_or_else(|| target.to_path_buf());
        let sink = match fs::metadata(&real) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::usage(
                    key,
                    format!("{label} is a folder; give a file name"),
                ))
            }
            Ok(meta) if !meta.is_file() => Sink::Direct(
                OpenOptions::new()
                    .write(true)
                    .open(&real)
                    .map_err(|e| cannot(&e))?,
            ),
            _ => {
                let (Some(folder), Some(name)) = (real.parent(), real.file_name()) else {
                    return Err(cannot(&"not a file name"));
                };
                let (temp, file) =
                    files::create_temp(folder, &name.to_string_lossy()).map_err(|e| cannot(&e))?;
                Sink::Temp {
                    file,
                    temp: Some(temp),
                    target: real.clone(),
                    folder: folder.to_path_buf(),
                }
            }
        };
        Ok(Output { label, note, sink })
    }

    /// How the user named the output (`--to 'payments.csv'`, `the export` for stdout).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// A storage error (exit 74) naming this output.
    pub fn error(&self, e: impl std::fmt::Display) -> Error {
        Error::storage(StorageKind::Write {
            what: self.label.clone(),
            detail: format!("{e}{}", self.note),
        })
    }

    /// Completes the output: flushed, and a temporary file fsynced, renamed over the target
    /// and its folder fsynced.
    pub fn finish(mut self) -> Result<()> {
        self.flush().map_err(|e| self.error(e))?;
        let result = match &mut self.sink {
            Sink::Stdout(_) | Sink::Direct(_) => Ok(()),
            Sink::Temp {
                file,
                temp,
                target,
                folder,
            } => {
                let done = file.sync_all().and_then(|()| match temp.as_deref() {
                    Some(path) => fs::rename(path, &*target),
                    None => Ok(()),
                });
                if done.is_ok() {
                    *temp = None;
                }
                done.and_then(|()| files::sync_folder(folder))
            }
        };
        result.map_err(|e| self.error(e))
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(out) => out.write(buf),
            Sink::Direct(file) | Sink::Temp { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Direct(file) | Sink::Temp { file, .. } => file.flush(),
        }
    }
}

impl Drop for Output {
    /// An output that was not finished leaves no temporary file behind.
    fn drop(&mut self) {
        if let Sink::Temp {
            temp: Some(path), ..
        } = &self.sink
        {
            let _ = fs::remove_file(path);
        }
    }
}
