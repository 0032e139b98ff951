//! Per-user rate limiting: a sliding one-minute window per user and kind.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// The window the limits are counted over, in seconds.
pub const WINDOW: i64 = 60;

#[derive(Debug, Default)]
pub struct RateLimiter {
    per_minute: u32,
    hits: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl RateLimiter {
    /// `per_minute == 0` turns the limit off.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one use by `key` at `now` (unix seconds); when over the limit,
    /// returns how many seconds to wait (and does not count it).
    pub fn check(&self, key: &str, now: i64) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        // Forget idle users now and then so the map does not grow without end.
        if hits.len() > 10_000 {
            hits.retain(|_, q| q.back().is_some_and(|t| now - t < WINDOW));
        }
        let q = hits.entry(key.to_string()).or_default();
        while q.front().is_some_and(|t| now - t >= WINDOW) {
            q.pop_front();
        }
        if q.len() >= self.per_minute as usize {
            let oldest = q.front().copied().unwrap_or(now);
            return Err((oldest + WINDOW - now).max(1) as u64);
        }
        q.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_slides() {
        let l = RateLimiter::new(3);
        assert!(l.check("a", 0).is_ok());
        assert!(l.check("a", 10).is_ok());
        assert!(l.check("a", 20).is_ok());
        assert_eq!(l.check("a", 30), Err(30));
        assert!(l.check("b", 30).is_ok(), "per user");
        assert!(l.check("a", 60).is_ok(), "the first use left the window");
        assert!(RateLimiter::new(0).check("a", 0).is_ok());
    }
}
