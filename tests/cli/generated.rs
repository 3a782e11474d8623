//! The committed completions must match what the binary generates now (the man pages, in
//! completions/man, are checked by issue16_help.rs).

use crate::common::Env;

#[test]
fn committed_completions_are_current() {
    let env = Env::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let files = [
        ("payctl.bash", vec!["completions", "bash"]),
        ("_payctl", vec!["completions", "zsh"]),
        ("payctl.fish", vec!["completions", "fish"]),
        ("_payctl.ps1", vec!["completions", "powershell"]),
        ("payctl.elv", vec!["completions", "elvish"]),
    ];
    let mut stale = Vec::new();
    for (file, args) in files {
        let fresh = env.ok(&args);
        let committed = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        if committed != fresh {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files in completions/: {stale:?}; regenerate them with: bash .ci/generate"
    );
}
