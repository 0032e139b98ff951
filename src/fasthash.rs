//! A fast hasher for the maps built at start-up and read per message (the
//! FAQ's vocabulary, the classifier's likelihoods, the synonym starts):
//! keys are short words, and the standard library's SipHash was a fifth of
//! the start-up. Not for maps whose keys an attacker picks in bulk; a
//! message is bounded by `limits`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplicative hash of rustc's `FxHasher`, a word at a time.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_a_map_works() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        for (i, w) in ["証明書", "certificate", "届出", "a", "", "長い長い長い長い言葉"]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.len(), 6);
        assert_eq!(m.get("届出"), Some(&2));
        assert_eq!(m.get("長い長い長い長い言葉"), Some(&5));
        assert_eq!(m.get("証明"), None);
        let mut s: FxHashSet<(char, Option<char>)> = FxHashSet::default();
        s.insert(('証', Some('明')));
        assert!(s.contains(&('証', Some('明'))) && !s.contains(&('証', None)));
    }
}
