//! `palaver serve`: the HTTP API over a store and the dashboard, on one local port.
//!
//! Read-only by construction: every connection to the store is opened with SQLite's read-only
//! flag, so no request can change the file. Queries run on a small pool of connections off the
//! async threads; request sizes and answer sizes are bounded (see `api`). The front end (`web/`,
//! npm packages bundled by esbuild at build time) is compiled into the binary: serving needs
//! nothing else on disk.

pub mod api;
mod assets;

use anyhow::{Context, Result};
use palaver_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

/// Connections the kernel may queue before the server accepts them.
const BACKLOG: u32 = 4096;

/// Read-only store connections shared by the request handlers.
pub struct Pool {
    stores: Mutex<Vec<Store>>,
    freed: Condvar,
    path: PathBuf,
}

impl Pool {
    /// Opens `size` read-only connections to the store.
    pub fn open(path: &Path, size: usize) -> Result<Pool> {
        let stores = (0..size.max(1)).map(|_| Store::open_read_only(path)).collect::<Result<Vec<_>, _>>()?;
        Ok(Pool { stores: Mutex::new(stores), freed: Condvar::new(), path: path.to_path_buf() })
    }

    /// Runs `f` with a connection, waiting for one to be free.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let store = {
            let mut stores = self.stores.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if let Some(s) = stores.pop() {
                    break s;
                }
                stores = self.freed.wait(stores).unwrap_or_else(|e| e.into_inner());
            }
        };
        let out = f(&store);
        self.stores.lock().unwrap_or_else(|e| e.into_inner()).push(store);
        self.freed.notify_one();
        out
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Serves the API and the dashboard until the process is stopped. Prints the address it listens
/// on (useful with port 0) as its first line of standard output.
pub fn serve(db: &Path, addr: SocketAddr, threads: usize) -> Result<()> {
    let pool = Arc::new(Pool::open(db, threads * 2)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        // A deep accept queue: a burst of connections waits instead of being refused.
        let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4() } else { tokio::net::TcpSocket::new_v6() }?;
        socket.set_reuseaddr(true)?;
        socket.bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
        let listener = socket.listen(BACKLOG).with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        println!("palaver: serving {} at http://{local}/", db.display());
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let app = api::router(pool).merge(assets::router());
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}
