//! `memcon config --default | --check`.

use super::{print, warn};
use crate::paths::Dirs;
use std::process::ExitCode;

pub fn run(default: bool, check: bool, dirs: &Dirs) -> Result<ExitCode, String> {
    let Some(path) = dirs.config_file() else {
        return Err(format!(
            "no configuration directory; set {} or use --config-dir",
            crate::paths::ENV_CONFIG_DIR
        ));
    };
    if default || !check {
        return print(&crate::config::default_text());
    }
    let problems = crate::config::check(&path)?;
    if problems.is_empty() {
        let state = if path.exists() {
            "ok"
        } else {
            "not there (memcon uses its defaults)"
        };
        print(&format!("{}: {state}\n", path.display()))
    } else {
        for p in &problems {
            warn(p);
        }
        Ok(ExitCode::FAILURE)
    }
}
