#pragma once
// The ledger's records by their 128-bit id: the values side by side in one vector, and an open-addressed
// index of positions into it. A server's ledger holds millions of records; std::unordered_map gave each its
// own allocation and a bucket chain, and restoring a five-year snapshot (5.8 million records) spent most of
// its seconds allocating nodes and missing the cache on those chains.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace tandem::analytics {

template <class Value>
class RecordTable {
public:
    using Key = std::array<uint64_t, 2>;
    using Entry = std::pair<Key, Value>;

    size_t size() const { return entries_.size(); }
    // Entries in no particular order; erasing moves the last entry into the erased one's place.
    typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
    typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

    void reserve(size_t count) {
        entries_.reserve(count);
        if (count * 2 > slots_.size()) rehash(capacity_for(count));
    }

    Value* find(const Key& key) {
        const size_t at = slot_of(key);
        return at == kNowhere ? nullptr : &entries_[position(slots_[at])].second;
    }
    const Value* find(const Key& key) const { return const_cast<RecordTable*>(this)->find(key); }

    // Adds `value` under `key` unless the key is there already; says whether it was added.
    bool emplace(const Key& key, const Value& value) {
        if (entries_.size() >= kMostEntries) throw std::length_error("a record table holds at most 2^32 - 2 entries");
        if ((entries_.size() + 1) * 2 > slots_.size()) rehash(capacity_for(entries_.size() + 1));
        const uint64_t hash = hash_of(key);
        size_t slot = home(hash);
        for (; slots_[slot] != kEmpty; slot = next(slot))
            if (same(slots_[slot], hash, key)) return false;
        entries_.emplace_back(key, value);
        slots_[slot] = slot_value(hash, entries_.size() - 1);
        return true;
    }

    // Takes `entries` as the whole table (a restored snapshot); false, leaving the table empty, when two
    // share a key. The index is built in one pass that fetches each slot a few entries ahead, so millions
    // of entries do not each wait for a cache miss.
    bool adopt(std::vector<Entry> entries) {
        if (entries.size() > kMostEntries) throw std::length_error("a record table holds at most 2^32 - 2 entries");
        entries_ = std::move(entries);
        slots_.clear();
        if (!place_all()) {
            entries_.clear();
            slots_.clear();
            return false;
        }
        return true;
    }

    void put(const Key& key, const Value& value) {
        if (Value* held = find(key)) *held = value;
        else emplace(key, value);
    }

    void erase(const Key& key) {
        const size_t at = slot_of(key);
        if (at == kNowhere) return;
        const size_t erased = position(slots_[at]);
        remove_slot(at);
        // The last entry moves into the gap; its slot is pointed at the new position.
        const size_t last = entries_.size() - 1;
        if (erased != last) {
            const size_t moved = slot_of(entries_[last].first);
            slots_[moved] = slot_value(hash_of(entries_[last].first), erased);
            entries_[erased] = std::move(entries_[last]);
        }
        entries_.pop_back();
    }

private:
    // A slot holds the key's hash's low 32 bits beside the entry's position + 1 (0: empty), so a probe
    // compares keys only when those bits match and rarely touches an entry it does not want.
    static constexpr uint64_t kEmpty = 0;
    static constexpr size_t kNowhere = ~size_t(0);
    static constexpr size_t kMostEntries = UINT32_MAX - 1;  // a position + 1 fits the slot's low 32 bits

    // Fibonacci hashing of both halves: UUIDv7 ids share their leading (time) bits, so the top bits of
    // a multiplied mix spread them where the low bits of either half alone would not.
    static uint64_t hash_of(const Key& key) { return ((key[0] * 0x9e3779b97f4a7c15ULL) ^ key[1]) * 0xbf58476d1ce4e5b9ULL; }
    size_t home(uint64_t hash) const { return size_t(hash >> shift_); }
    size_t next(size_t slot) const { return (slot + 1) & (slots_.size() - 1); }
    static uint64_t slot_value(uint64_t hash, size_t position) { return (hash << 32) | uint64_t(position + 1); }
    static size_t position(uint64_t slot) { return size_t(uint32_t(slot)) - 1; }
    bool same(uint64_t slot, uint64_t hash, const Key& key) const {
        return (slot >> 32) == uint32_t(hash) && entries_[position(slot)].first == key;
    }
    size_t slot_of(const Key& key) const {
        if (slots_.empty()) return kNowhere;
        const uint64_t hash = hash_of(key);
        for (size_t slot = home(hash); slots_[slot] != kEmpty; slot = next(slot))
            if (same(slots_[slot], hash, key)) return slot;
        return kNowhere;
    }
    static size_t capacity_for(size_t count) {
        size_t capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        return capacity;
    }
    void rehash(size_t capacity) {
        resize_slots(capacity);
        place_all();
    }
    void resize_slots(size_t capacity) {  // a power of two
        slots_.assign(capacity, kEmpty);
        shift_ = 64;
        for (size_t bits = capacity; bits > 1; bits >>= 1) --shift_;
    }
    // Indexes every entry; false when two share a key.
    bool place_all() {
        if (slots_.size() < entries_.size() * 2) resize_slots(capacity_for(entries_.size()));
        constexpr size_t kAhead = 16;
        for (size_t at = 0; at < entries_.size(); ++at) {
            if (at + kAhead < entries_.size()) __builtin_prefetch(&slots_[home(hash_of(entries_[at + kAhead].first))]);
            const uint64_t hash = hash_of(entries_[at].first);
            size_t slot = home(hash);
            for (; slots_[slot] != kEmpty; slot = next(slot))
                if (same(slots_[slot], hash, entries_[at].first)) return false;
            slots_[slot] = slot_value(hash, at);
        }
        return true;
    }
    // Linear probing without tombstones: the entries after the gap that could live in it move back.
    void remove_slot(size_t gap) {
        slots_[gap] = kEmpty;
        for (size_t at = next(gap); slots_[at] != kEmpty; at = next(at)) {
            const size_t wanted = home(hash_of(entries_[position(slots_[at])].first));
            // `at` may fill the gap when its home is not cyclically within (gap, at].
            const bool home_after_gap = gap <= at ? (wanted > gap && wanted <= at) : (wanted > gap || wanted <= at);
            if (home_after_gap) continue;
            slots_[gap] = slots_[at];
            slots_[at] = kEmpty;
            gap = at;
        }
    }

    std::vector<Entry> entries_;
    std::vector<uint64_t> slots_;
    int shift_ = 64;
};

}  // namespace tandem::analytics
