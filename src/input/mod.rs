//! The input vocabulary: what the user can ask for (`Action`) and the one keymap that turns keys
//! into actions and also writes the help screen and the key hints. Both the event loop and `app`
//! use it; it knows nothing of either.

pub mod action;
mod bindings;
pub mod keymap;

pub use action::Action;
