fn main() {
    std::process::exit(payctl::main_with_args(std::env::args_os().collect()));
}
