//! Every directory memcon reads or writes, resolved in one place.
//!
//! Each has a command-line flag or an environment variable that wins over the platform's
//! default (XDG on Linux, `~/Library/Application Support` on macOS), so tests and scripts
//! never need the real home directory.

use crate::bookmarks::StorePaths;
use std::path::{Path, PathBuf};

/// Moves the configuration directory (config.toml, aliases.toml).
pub const ENV_CONFIG_DIR: &str = "MEMCON_CONFIG_DIR";
/// Moves bookmarks and reading positions into one directory.
pub const ENV_DATA_DIR: &str = "MEMCON_DATA_DIR";
/// Moves the cache directory.
pub const ENV_CACHE_DIR: &str = "MEMCON_CACHE_DIR";

/// The configuration file's name in the configuration directory.
pub const CONFIG_FILE: &str = "config.toml";
/// The alias file's name in the configuration directory.
pub const ALIAS_FILE: &str = "aliases.toml";

/// The directories, as resolved from flags, environment and platform. `None` where there
/// is no home directory and nothing overrides it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// config.toml and aliases.toml.
    pub config: Option<PathBuf>,
    /// bookmarks.json.
    pub data: Option<PathBuf>,
    /// positions.json (the data directory where the platform has no state directory).
    pub state: Option<PathBuf>,
    /// Files memcon can rebuild at any time.
    pub cache: Option<PathBuf>,
}

/// What the command line says about directories.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags<'a> {
    pub config_dir: Option<&'a Path>,
    pub data_dir: Option<&'a Path>,
}

impl Dirs {
    /// Flags first, then environment variables, then the platform's directories.
    pub fn resolve(flags: Flags<'_>) -> Self {
        Self::resolve_with(flags, |name| std::env::var_os(name))
    }

    /// [`Dirs::resolve`] with the environment given (for tests).
    pub fn resolve_with(
        flags: Flags<'_>,
        env: impl Fn(&str) -> Option<std::ffi::OsString>,
    ) -> Self {
        let env_dir = |name: &str| env(name).filter(|d| !d.is_empty()).map(PathBuf::from);
        let platform = directories::ProjectDirs::from("", "", "memcon");
        let config = flags
            .config_dir
            .map(Path::to_path_buf)
            .or_else(|| env_dir(ENV_CONFIG_DIR))
            .or_else(|| platform.as_ref().map(|d| d.config_dir().to_path_buf()));
        let data_override = flags
            .data_dir
            .map(Path::to_path_buf)
            .or_else(|| env_dir(ENV_DATA_DIR));
        let (data, state) = match data_override {
            Some(dir) => (Some(dir.clone()), Some(dir)),
            None => match &platform {
                Some(d) => (
                    Some(d.data_dir().to_path_buf()),
                    Some(d.state_dir().unwrap_or(d.data_dir()).to_path_buf()),
                ),
                None => (None, None),
            },
        };
        let cache = env_dir(ENV_CACHE_DIR)
            .or_else(|| platform.as_ref().map(|d| d.cache_dir().to_path_buf()));
        Self {
            config,
            data,
            state,
            cache,
        }
    }

    /// Where the bookmark store keeps its two files.
    pub fn store(&self) -> Result<StorePaths, String> {
        match (&self.data, &self.state) {
            (Some(data), Some(state)) => Ok(StorePaths {
                data_dir: data.clone(),
                state_dir: state.clone(),
            }),
            _ => Err(format!(
                "no home directory to keep bookmarks in; set {ENV_DATA_DIR} or use --data-dir"
            )),
        }
    }

    /// The configuration file, if there is a configuration directory.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join(CONFIG_FILE))
    }

    /// Where collections keep their caches (one folder each), if there is a cache directory.
    pub fn collections(&self) -> Option<PathBuf> {
        self.cache.as_ref().map(|d| d.join("collections"))
    }

    /// The alias file, if there is a configuration directory.
    pub fn alias_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join(ALIAS_FILE))
    }
}

/// `path` with a leading `~/` (or a lone `~`) standing for the home directory, as a shell
/// would read it (the yank file, a file to write bookmarks to).
pub fn expand_home(path: &Path) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path.to_path_buf();
    };
    let rest = match text.strip_prefix('~') {
        Some(r) if r.is_empty() || r.starts_with('/') => r.trim_start_matches('/'),
        _ => return path.to_path_buf(),
    };
    match directories::BaseDirs::new() {
        Some(b) => b.home_dir().join(rest),
        None => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_environment() {
        let env = |name: &str| match name {
            ENV_CONFIG_DIR => Some("/env/config".into()),
            ENV_DATA_DIR => Some("/env/data".into()),
            ENV_CACHE_DIR => Some("/env/cache".into()),
            _ => None,
        };
        let flags = Flags {
            config_dir: Some(Path::new("/flag/config")),
            data_dir: Some(Path::new("/flag/data")),
        };
        let d = Dirs::resolve_with(flags, env);
        assert_eq!(
            d.config_file().unwrap(),
            Path::new("/flag/config/config.toml")
        );
        assert_eq!(d.state.as_deref(), Some(Path::new("/flag/data")));
        let d = Dirs::resolve_with(Flags::default(), env);
        assert_eq!(
            d.alias_file().unwrap(),
            Path::new("/env/config/aliases.toml")
        );
        let store = d.store().unwrap();
        assert_eq!(
            store.data_dir, store.state_dir,
            "one directory for both files"
        );
        assert_eq!(d.cache.as_deref(), Some(Path::new("/env/cache")));
    }

    #[test]
    fn an_empty_variable_does_not_count() {
        let env = |name: &str| (name == ENV_DATA_DIR).then(|| "".into());
        let d = Dirs::resolve_with(Flags::default(), env);
        assert_ne!(d.data.as_deref(), Some(Path::new("")));
    }
}
