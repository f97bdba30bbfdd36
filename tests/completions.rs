//! Shell completions and the manual page, as ripgrep and fd ship them: each generated script and
//! the man page name the sub-commands; bash accepts its script when bash is there.

use std::process::Command;

const SUBCOMMANDS: &[&str] =
    &["list", "show", "countries", "check", "export", "scan", "cache", "completions"];

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_timeline")).args(args).output().expect("run timeline");
    assert!(out.status.success(), "timeline {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_shell_gets_a_script_naming_the_sub_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = run(&["completions", shell]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell}: no `{sub}` in\n{script}");
        }
        assert!(script.contains("--data"), "{shell}: no --data");
    }
}

#[test]
fn bash_accepts_the_bash_script() {
    let script = run(&["completions", "bash"]);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("timeline.bash");
    std::fs::write(&file, script).expect("write the script");
    let Ok(status) = Command::new("bash").arg("-n").arg(&file).status() else {
        eprintln!("no bash here: the script is not checked");
        return;
    };
    assert!(status.success(), "bash -n rejects the completion script");
}

#[test]
fn the_man_page_is_roff_naming_the_sub_commands() {
    let page = run(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..page.len().min(200)]);
    assert!(page.contains(".TH timeline"), "no title header");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "no `{sub}` in the man page");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_timeline")).args(["completions", "tcsh"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}
