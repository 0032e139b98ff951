//! The `seikyu-navi` binary: see `seikyu_navi::adapters::cli`.

fn main() -> std::process::ExitCode {
    seikyu_navi::adapters::cli::main()
}
