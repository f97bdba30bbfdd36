//! Raw command-line flags, as clap parses them. `cli::build_filter` turns them into a checked
//! `Filter`; `main` runs the sub-command.

pub use crate::export::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Browse a chronology of events in the terminal: Vietnam's diplomatic history from 1950 to 2026,
/// with every event backed by quotes from its source articles.
#[derive(Debug, Parser)]
#[command(name = "timeline", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,

    /// Open the browser already searching for QUERY.
    #[arg(long, short = 's', value_name = "QUERY", global = false)]
    pub search: Option<String>,

    /// Open the browser filtered to a country (code, English or Vietnamese name). Repeatable.
    #[arg(long, short = 'c', value_name = "COUNTRY")]
    pub country: Vec<String>,

    /// Colours for a dark or light terminal background (default: guessed from COLORFGBG, else
    /// dark). NO_COLOR or TERM=dumb turn colour off.
    #[arg(long, value_enum, value_name = "THEME", default_value_t = ThemeArg::Auto)]
    pub theme: ThemeArg,

    /// Leave the mouse to the terminal, so that text can be selected with it (`m` toggles it in
    /// the browser).
    #[arg(long)]
    pub no_mouse: bool,

    /// Hidden, for tests: panic after the first frame, to check the terminal is restored.
    #[arg(long, hide = true)]
    pub test_panic: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--theme`: which background the colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// Load this data set instead of the built-in one.
    #[arg(long, value_name = "FILE", global = true)]
    pub data: Option<PathBuf>,

    /// Directory of the data set's articles, the text files its quotes come from (default: next
    /// to --data). `--seeds` is an older name for it.
    #[arg(long, value_name = "DIR", global = true, requires = "data", alias = "seeds")]
    pub articles: Option<PathBuf>,

    /// Load from the files, neither reading nor writing the index cache (see `timeline cache`).
    #[arg(long, global = true)]
    pub no_cache: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a shell completion script: `timeline completions bash > ~/.local/share/bash-completion/completions/timeline`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `timeline man > timeline.1; man ./timeline.1`.
    Man,
    /// Print events in chronological order (or by relevance with --search).
    List(ListArgs),
    /// Print one event in full, with each quote in its surrounding sentence.
    Show {
        /// The event's id, as printed by `timeline list`.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print each partner country with its English and Vietnamese names and its number of events.
    Countries {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Validate a data set, verify every quote against its article (always from the files), and
    /// count verified and unverified events.
    Check {
        /// Exit with status 1 while any event is unverified (has no checked quote).
        #[arg(long)]
        strict: bool,
    },
    /// List the people of the data set: canonical name, aliases, role and number of events.
    People {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the places of the data set, with their aliases and number of events.
    Places {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find every date mentioned in the articles and say which events cover it: the curator's
    /// to-do list. Exits with 1 while any mention, or any undated action (--undated), is uncovered.
    Scan {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// List instead the undated sentences where people of the registry act (receive, visit,
        /// send a letter, sign, meet), and the events that cite them.
        #[arg(long)]
        undated: bool,
    },
    /// Write the selected events in one of the formats `--format` lists.
    Export(ExportArgs),
    /// The index cache that makes the next load of a --data set instant.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Print the cache directory, or with --data the cache file of that data set.
    Path,
    /// Remove every cache file.
    Clear,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write (`--help` says what each carries and which `--data` reads back).
    /// Without it, the extension of --out FILE picks it, as the browser's `:export` does.
    #[arg(long, short = 'f', value_enum, ignore_case = true)]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output. An existing FILE is never replaced without
    /// --force; FILE must be a regular file or absent (never a directory, FIFO or device).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it exists (as the browser's `:export!`).
    #[arg(long, requires = "out")]
    pub force: bool,
    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args, Default)]
pub struct ListArgs {
    #[command(flatten)]
    pub select: SelectArgs,
    /// Print a JSON array instead of one line per event.
    #[arg(long)]
    pub json: bool,
}

/// Which events `list` and `export` print.
#[derive(Debug, Args, Default)]
pub struct SelectArgs {
    /// Only events with this partner country: ISO code, English or Vietnamese name, any case,
    /// accents optional (`LA`, `laos`, `Lào`, `lao`). Repeatable; any of them matches.
    #[arg(long, short = 'c', value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// Only events of this kind (visit, talks, meeting, …). Repeatable.
    #[arg(long, short = 'k', value_name = "KIND")]
    pub kind: Vec<String>,
    /// Only events naming this person: name or alias, accents optional (`to lam`, `Hai-đa`).
    /// Repeatable; any of them matches.
    #[arg(long, value_name = "PERSON")]
    pub person: Vec<String>,
    /// Only events at this place: name or alias, accents optional. Repeatable.
    #[arg(long, value_name = "PLACE")]
    pub place: Vec<String>,
    /// Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; -0499 is 500 BCE).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Only events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; -0499 is 500 BCE).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Search: fuzzy, accent-insensitive, fzf syntax ('exact ^prefix suffix$ !not a | b).
    #[arg(long, short = 's', value_name = "QUERY")]
    pub search: Option<String>,
    /// With --search: keep chronological order instead of ranking by relevance.
    #[arg(long)]
    pub chronological: bool,
    /// Only events in this TimelineJS group. Repeatable; any of them matches.
    #[arg(long, short = 'g', value_name = "GROUP")]
    pub group: Vec<String>,
    /// Only verified events (`yes`: with a checked quote) or unverified ones (`no`).
    #[arg(long, value_name = "yes|no", value_parser = parse_yes_no)]
    pub verified: Option<bool>,
}

fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(format!("`{s}`: write yes or no")),
    }
}
