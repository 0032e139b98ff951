//! The live dashboard's batching: a burst of changes makes at most one edit
//! per interval; nothing changes, nothing is edited.

/// The default milliseconds between two edits of the dashboard message
/// (`discord.dashboard_interval_ms`).
pub const INTERVAL_MS: i64 = 10_000;

#[derive(Debug, Clone)]
pub struct Batcher {
    interval_ms: i64,
    last_edit: Option<i64>,
    seen: Option<u64>,
}

impl Batcher {
    pub fn new(interval_ms: i64) -> Batcher {
        Batcher {
            interval_ms,
            last_edit: None,
            seen: None,
        }
    }

    /// Given the current change count and time (ms), whether to edit now.
    /// The first call always edits (the message is posted or refreshed).
    pub fn poll(&mut self, count: u64, now_ms: i64) -> bool {
        if self.seen == Some(count) {
            return false;
        }
        if self.last_edit.is_some_and(|last| now_ms - last < self.interval_ms) {
            return false;
        }
        self.seen = Some(count);
        self.last_edit = Some(now_ms);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_makes_one_edit_per_interval() {
        let mut b = Batcher::new(INTERVAL_MS);
        assert!(b.poll(0, 0), "first poll posts the message");
        let mut edits = 0;
        // 100 changes within 9 seconds, polled every 100 ms.
        for i in 1..=90 {
            if b.poll(i, i as i64 * 100) {
                edits += 1;
            }
        }
        assert_eq!(edits, 0, "no edit before the interval has passed");
        assert!(b.poll(90, 10_000), "the pending changes are shown after the interval");
        assert!(!b.poll(90, 30_000), "nothing changed, nothing edited");
        assert!(b.poll(91, 30_100));
        assert!(!b.poll(92, 30_200));
        assert!(b.poll(92, 40_100));
    }
}
