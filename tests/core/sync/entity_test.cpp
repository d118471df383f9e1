#include "tandem/sync/entity.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const char* kPerson = "0190a000-0000-7000-8000-000000000001";

std::string problem_code(const char* entity, const Json& fields, bool creating) {
    auto problem = validate_fields(*find_entity(entity), fields, creating);
    return problem ? problem->code : "";
}

TEST(Entity, KnowsTheRecordTypesOfTheApi) {
    for (const char* name : {"person", "checkin", "action_item", "private_note", "sealing_key", "journal_entry",
                             "cadence", "talking_point"})
        EXPECT_TRUE(find_entity(name));
    EXPECT_FALSE(find_entity("salary"));
}

TEST(Entity, AcceptsAValidNewCheckIn) {
    EXPECT_EQ(problem_code("checkin", {{"report_id", kPerson}, {"held_on", "2026-11-23"}, {"shared_notes", "ok"},
                                       {"mood", 4}},
                           true),
              "");
}

TEST(Entity, RejectsUnknownFieldsBadValuesAndMissingRequiredOnes) {
    EXPECT_EQ(problem_code("checkin", {{"salary", 1}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"held_on", "2026-02-30"}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"held_on", "23/11/2026"}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"mood", 6}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"mood", "3"}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"report_id", "not-a-uuid"}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"shared_notes", std::string(20001, 'x')}}, false), "invalid_change");
    EXPECT_EQ(problem_code("checkin", {{"held_on", "2026-11-23"}}, true), "invalid_change");  // no report_id
    EXPECT_EQ(problem_code("action_item", {{"done", "yes"}}, false), "invalid_change");
}

TEST(Entity, NullIsAllowedOnlyWhereTheFieldIsOptional) {
    EXPECT_EQ(problem_code("checkin", {{"mood", nullptr}}, false), "");
    EXPECT_EQ(problem_code("checkin", {{"held_on", nullptr}}, false), "invalid_change");
}

TEST(Entity, AcceptsNonAsciiText) {
    EXPECT_EQ(problem_code("checkin", {{"shared_notes", "Café, Grüße, 日本語"}}, false), "");
}

TEST(Entity, DatesRespectLeapYears) {
    EXPECT_TRUE(is_iso_date("2024-02-29"));
    EXPECT_FALSE(is_iso_date("2025-02-29"));
    EXPECT_FALSE(is_iso_date("2026-13-01"));
}

}  // namespace
}  // namespace tandem
