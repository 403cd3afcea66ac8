//! Work split over the machine's cores natively, done in turn on wasm.
//!
//! The engine's heavy passes (parsing documents, scoring link candidates) are independent per
//! item. Natively they run on every core; results come back in item order, so the output is the
//! same as a sequential run whatever the number of threads. On wasm32 there are no threads, so
//! the work runs in turn on the one the page has.

/// `work` applied to consecutive chunks of `items`, the results concatenated in item order.
/// `work` receives the index of its chunk's first item.
pub fn chunks<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(usize, &[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8);
        if threads > 1 && items.len() >= 8 {
            let size = items.len().div_ceil(threads);
            let mut out = Vec::with_capacity(items.len());
            std::thread::scope(|scope| {
                let work = &work;
                let handles: Vec<_> = items
                    .chunks(size)
                    .enumerate()
                    .map(|(k, part)| scope.spawn(move || work(k * size, part)))
                    .collect();
                for h in handles {
                    match h.join() {
                        Ok(part) => out.extend(part),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
            });
            return out;
        }
    }
    work(0, items)
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_item_order() {
        let items: Vec<u32> = (0..1000).collect();
        let out = super::chunks(&items, |first, part| {
            part.iter()
                .enumerate()
                .map(|(k, x)| (first + k, x * 2))
                .collect()
        });
        assert_eq!(out.len(), 1000);
        assert!(out
            .iter()
            .enumerate()
            .all(|(i, (k, x))| *k == i && *x == 2 * i as u32));
    }
}
