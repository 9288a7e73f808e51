//! # palaver (the program's library half)
//!
//! What the `palaver` command is made of, kept in a library so that tests and fuzz targets reach
//! it: input readers, event sinks (output formats), the threaded coding pipeline, evaluation
//! against labelled text, and the benchmark corpus. The command line itself is `main.rs`.

pub mod bench;
pub mod config;
pub mod eval;
pub mod ingest;
pub mod input;
pub mod pipeline;
pub mod report;
pub mod serve;
pub mod sink;
pub mod validate;
