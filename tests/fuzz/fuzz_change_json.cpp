// Change JSON as any client may send it: parse, read the envelope, validate the fields against every
// entity (creating and editing), and check that what was read writes back to the same change.
#include <cstdint>
#include <cstdlib>

#include "tandem/base/change.h"
#include "tandem/sync/entity.h"

using tandem::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Json json = Json::parse(data, data + size, nullptr, false);
    if (json.is_discarded()) return 0;
    tandem::Change change;
    if (tandem::from_json(json, change)) return 0;
    for (const tandem::EntitySpec* spec : tandem::all_entities()) {
        (void)tandem::validate_fields(*spec, change.fields, true);
        (void)tandem::validate_fields(*spec, change.fields, false);
    }
    tandem::Change again;
    if (tandem::from_json(tandem::to_json(change, true), again)) std::abort();
    if (again.id != change.id || again.fields != change.fields || again.deleted != change.deleted) std::abort();
    return 0;
}
