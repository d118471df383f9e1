// Templates and playbooks: parsing a version's text, and what the read model makes of versions and ratings.
#include <gtest/gtest.h>

#include "support/sync_world.h"
#include "tandem/guides/guide_views.h"

namespace tandem {
namespace {

TEST(Guides, APlaybookIsStepsWithChecklists) {
    auto steps = parse_playbook("# Before\n- Laptop\n-  Buddy \n\n# First week\nIntroductions\n");
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].title, "Before");
    EXPECT_EQ(steps[0].checklist, (std::vector<std::string>{"Laptop", "Buddy"}));
    EXPECT_EQ(steps[1].checklist, (std::vector<std::string>{"Introductions"}));
    EXPECT_EQ(parse_prompts("playbook", "# Before\n- Laptop\n"), (std::vector<std::string>{"Before: Laptop"}));
    EXPECT_EQ(parse_prompts("template", "  One?\r\n\n- Two?\n"), (std::vector<std::string>{"One?", "Two?"}));
    EXPECT_TRUE(parse_prompts("template", "\n \n").empty());
}

TEST(Guides, TheCurrentVersionIsShownAndEarlierOnesStay) {
    testing::World world;
    Store store(world.dir.file("hr.db"));
    Replica hr(store, world.manager, [&] { return world.now; });  // store-level: roles are the server's job
    const std::string guide = hr.new_record_id(), v1 = hr.new_record_id(), v2 = hr.new_record_id();
    hr.edit("guide", guide, {{"kind", "template"}, {"title", "Career"}});
    hr.edit("guide_version", v1, {{"guide_id", guide}, {"version", 1}, {"title", "Career"}, {"body", "Old?"}});
    hr.edit("guide", guide, {{"current_version_id", v1}});
    hr.edit("guide_version", v2, {{"guide_id", guide}, {"version", 2}, {"title", "Career"}, {"body", "New?\nMore?"}});
    hr.edit("guide", guide, {{"current_version_id", v2}});
    EXPECT_EQ(hr.edit("guide_version", v1, {{"body", "Rewritten"}}).problem->code, "invalid_change")
        << "a published version never changes";
    const std::string feedback = hr.new_record_id();
    hr.edit("guide_feedback", feedback, {{"owner_id", world.manager}, {"guide_id", guide}, {"usefulness", 4},
                                         {"minutes", 10}, {"comment", "Good"}});
    auto guides = guide_views(store);
    ASSERT_EQ(guides.size(), 1u);
    EXPECT_EQ(guides[0].version, 2);
    EXPECT_EQ(guides[0].prompts, (std::vector<std::string>{"New?", "More?"}));
    EXPECT_DOUBLE_EQ(guides[0].mean_usefulness, 4.0);
    EXPECT_DOUBLE_EQ(guides[0].mean_minutes, 10.0);
    EXPECT_EQ(store.load(v1)->state.text("body"), "Old?") << "version 1 is kept for the 1:1s that used it";
}

}  // namespace
}  // namespace tandem
