//! Shell completions and the man page, generated from the clap definition.

use clap::CommandFactory;
use clap_complete::Shell as CompleteShell;

use crate::cli::{Cli, Shell};

pub fn completion_script(shell: Shell) -> String {
    let target = match shell {
        Shell::Bash => CompleteShell::Bash,
        Shell::Zsh => CompleteShell::Zsh,
        Shell::Fish => CompleteShell::Fish,
        Shell::Powershell => CompleteShell::PowerShell,
        Shell::Elvish => CompleteShell::Elvish,
    };
    let mut out = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "payctl", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

pub fn man_page() -> String {
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}
