#pragma once
// HR's conversation templates and playbooks: the list, one guide (HR edits and publishes versions; a
// manager reads, rates and comments), and the picker a 1:1 uses to add a guide's prompts to its agenda.
// The feature keeps its own read model (the guides on this device) and the commands that write guides.
#include <string>
#include <vector>

#include "tandem/base/change.h"
#include "tandem/guides/guide_views.h"

namespace tandem {
struct CheckInDetail;
// "useful 4.2 of 5 · 12 min · 3 ratings"
std::string rating_summary(const GuideView& guide);
}
namespace tandem::client {
class Context;
class Registry;

inline constexpr const char* kGuidesScreen = "guides";
inline constexpr const char* kGuideScreen = "guides/guide";

void register_guides(Registry& registry);

// HR's templates and playbooks as this device holds them, rebuilt whenever data changed (other features
// read them too: a program links guides). Empty after sign-out.
const std::vector<GuideView>& guides_on_device();
const GuideView* find_guide(const std::string& guide_id);
// The guide the guide screen shows ("new:template" or "new:playbook": HR's form for a new one).
const std::string& open_guide_id();

// Opens one guide.
void open_guide(Context& ctx, const std::string& guide_id);
// Adds the guide's prompts to the 1:1's agenda, after what is there, noting the version they came from.
void add_guide_to_agenda(Context& ctx, const CheckInDetail& checkin, const GuideView& guide);
// HR: publishes the text as the guide's next version (a new guide when `guide_id` is empty); returns the
// guide's id, or empty when refused.
std::string publish_guide(Context& ctx, const std::string& guide_id, const std::string& kind, const std::string& title,
                          const std::string& topic, const std::string& body);
// The user's rating of a guide (usefulness, minutes): one record per person and guide, edited after.
void rate_guide(Context& ctx, const GuideView& guide, const Json& fields);

void draw_guides_screen(Context& ctx);
void draw_guide_screen(Context& ctx);
// A button that opens a list of guides; picking one adds its prompts to the 1:1's agenda.
void draw_guide_picker(Context& ctx, const tandem::CheckInDetail& checkin);
} // namespace tandem::client
