//! What the test modules share: fixtures (the fixed clock, actors, office
//! numbers, running commands through `App`) and reply inspectors.

mod fixtures;
mod reply;

pub use fixtures::*;
pub use reply::*;
