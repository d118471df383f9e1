// Per-field last-writer-wins merge: the same changes merged in the order given, reversed, and with each
// delivered twice must give the same record. The input decides the changes' clocks, devices, fields,
// values and deletions.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "tandem/base/hlc.h"
#include "tandem/sync/merge.h"

using namespace tandem;

namespace {
RecordState merged(const std::vector<Change>& changes) {
    RecordState state;
    for (const auto& change : changes) merge(state, change);
    return state;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider input(data, size);
    static const char* fields[] = {"shared_notes", "mood", "held_on", "done"};
    std::vector<Change> changes;
    while (input.remaining_bytes() > 0 && changes.size() < 64) {
        Change change;
        change.id = "c" + std::to_string(changes.size());
        change.entity = "checkin";
        change.record_id = "00000000-0000-7000-8000-0000000000aa";
        change.hlc = Hlc{input.ConsumeIntegralInRange<uint64_t>(1000, 1010), input.ConsumeIntegralInRange<uint16_t>(0, 3)}
                         .to_string();
        change.device_id = "dev" + std::to_string(input.ConsumeIntegralInRange<int>(0, 3));
        const int count = input.ConsumeIntegralInRange<int>(0, 3);
        for (int i = 0; i < count; ++i) {
            const char* field = fields[input.ConsumeIntegralInRange<int>(0, 3)];
            switch (input.ConsumeIntegralInRange<int>(0, 3)) {
            case 0: change.fields[field] = input.ConsumeRandomLengthString(16); break;
            case 1: change.fields[field] = input.ConsumeIntegral<int8_t>(); break;
            case 2: change.fields[field] = input.ConsumeBool(); break;
            default: change.fields[field] = nullptr; break;
            }
        }
        change.deleted = input.ConsumeIntegralInRange<int>(0, 9) == 0;
        changes.push_back(std::move(change));
    }
    const RecordState forward = merged(changes);
    std::vector<Change> backward(changes.rbegin(), changes.rend());
    std::vector<Change> twice = changes;
    twice.insert(twice.end(), backward.begin(), backward.end());
    for (const auto& other : {merged(backward), merged(twice)})
        if (other.fields != forward.fields || other.deleted != forward.deleted) std::abort();
    return 0;
}
