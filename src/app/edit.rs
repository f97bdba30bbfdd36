//! Running the user's editor on a file at a line and column, as git, tig and lazygit do:
//! `$VISUAL`, else `$EDITOR`, else `vi`. The editor setting is split into words as a shell would
//! (`code --wait`, `"/opt/My Editor/bin/ed"`), and the file is one argument of its own: a path is
//! never put into a shell command. Each editor family has its own way to say where to open.

use std::ffi::OsString;
use std::path::Path;

/// How an editor is told the line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goto {
    /// `+LINE FILE`: vi, and any editor not in the table.
    Plus,
    /// `+call cursor(LINE,COL) FILE`: vim and neovim.
    VimCursor,
    /// `+LINE,COL FILE`: nano.
    PlusComma,
    /// `+LINE:COL FILE`: emacs, kakoune, micro.
    PlusColon,
    /// `FILE:LINE:COL`: helix, sublime text, zed.
    Suffix,
    /// `--goto FILE:LINE:COL`: visual studio code and its relatives.
    Flag,
}

/// Editors by the name of their program.
const EDITORS: &[(&[&str], Goto)] = &[
    (&["vim", "nvim", "gvim", "mvim", "vimx", "view"], Goto::VimCursor),
    (&["nano", "pico"], Goto::PlusComma),
    (&["emacs", "emacsclient", "kak", "micro"], Goto::PlusColon),
    (&["hx", "helix", "subl", "sublime_text", "zed", "zeditor"], Goto::Suffix),
    (&["code", "code-insiders", "codium", "vscodium", "cursor"], Goto::Flag),
];

/// The editor the user chose: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn from_env() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// The command line (program first) that opens `path` at `line:col` in `editor`.
pub fn command(editor: &str, path: &Path, line: usize, col: usize) -> Result<Vec<OsString>, String> {
    let words =
        shell_words::split(editor).map_err(|e| format!("cannot read the editor command `{editor}`: {e}"))?;
    let Some(program) = words.first() else { return Err("the editor command is empty".into()) };
    let name = Path::new(program).file_stem().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let goto = EDITORS.iter().find(|(names, _)| names.contains(&name.as_str())).map_or(Goto::Plus, |e| e.1);
    let mut argv: Vec<OsString> = words.into_iter().map(OsString::from).collect();
    // A file named `-x` or `+5` must not be read as an option.
    let path = if path.is_relative() && path.to_string_lossy().starts_with(['-', '+']) {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    let suffixed = || {
        let mut s = path.clone().into_os_string();
        s.push(format!(":{line}:{col}"));
        s
    };
    match goto {
        Goto::Plus => argv.push(format!("+{line}").into()),
        Goto::VimCursor => argv.push(format!("+call cursor({line},{col})").into()),
        Goto::PlusComma => argv.push(format!("+{line},{col}").into()),
        Goto::PlusColon => argv.push(format!("+{line}:{col}").into()),
        Goto::Suffix => return Ok([argv, vec![suffixed()]].concat()),
        Goto::Flag => return Ok([argv, vec!["--goto".into(), suffixed()]].concat()),
    }
    argv.push(path.into_os_string());
    Ok(argv)
}

/// Runs `editor` on `path` at `line:col` with the terminal as it is, and waits for it.
pub fn run(editor: &str, path: &Path, (line, col): (usize, usize)) -> Result<(), String> {
    let argv = command(editor, path, line, col)?;
    let status = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .status()
        .map_err(|e| format!("cannot run the editor `{editor}`: {e}; set $VISUAL or $EDITOR"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor `{editor}` {status}; the data was not read again"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(editor: &str, path: &str) -> Vec<String> {
        let argv = command(editor, Path::new(path), 12, 5).unwrap();
        argv.iter().map(|a| a.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn each_editor_family_is_told_the_line_and_column_its_way() {
        assert_eq!(words("vi", "d.json"), ["vi", "+12", "d.json"]);
        assert_eq!(words("/usr/bin/nvim", "d.json"), ["/usr/bin/nvim", "+call cursor(12,5)", "d.json"]);
        assert_eq!(words("nano", "d.json"), ["nano", "+12,5", "d.json"]);
        assert_eq!(words("emacsclient -t", "d.json"), ["emacsclient", "-t", "+12:5", "d.json"]);
        assert_eq!(words("hx", "d.json"), ["hx", "d.json:12:5"]);
        assert_eq!(words("code --wait", "d.json"), ["code", "--wait", "--goto", "d.json:12:5"]);
        assert_eq!(words("ed", "d.json"), ["ed", "+12", "d.json"]);
    }

    #[test]
    fn the_editor_is_split_as_a_shell_would_and_the_path_stays_one_word() {
        let argv = words("'/opt/My Editor/vim' -u NONE", "my data; rm -rf ~.json");
        assert_eq!(
            argv,
            ["/opt/My Editor/vim", "-u", "NONE", "+call cursor(12,5)", "my data; rm -rf ~.json"]
        );
        assert_eq!(words("vi", "-odd.json"), ["vi", "+12", "./-odd.json"]);
        assert!(command("vi 'unclosed", Path::new("d.json"), 1, 1).is_err());
        assert!(command("  ", Path::new("d.json"), 1, 1).is_err());
    }
}
