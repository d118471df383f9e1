#pragma once
// Feedback and recognition (docs/features.md, Feedback and recognition): the feedback screen (what was asked of
// me, what I gave and received, asking for feedback), the form that gives feedback or a recognition, and the
// recognition wall with culture champions and, for HR, nominations, spotlights and the company's values.
#include <string>
#include <vector>

#include "app/drafts.h"
#include "tandem/feedback/feedback_views.h"

namespace tandem::client {
class App;
class Registry;

inline constexpr const char* kFeedbackScreen = "feedback";
inline constexpr const char* kGiveFeedbackScreen = "feedback/give";
inline constexpr const char* kRecognitionScreen = "feedback/recognition";

void register_feedback(Registry& registry);

void draw_feedback_screen(App& app);
void draw_give_feedback_screen(App& app);
void draw_recognition_screen(App& app);

// Opens the form for feedback about `about_id` (empty: chosen on the form), answering `request_id` if set.
void start_feedback(App& app, const std::string& about_id, const std::string& request_id, bool recognition = false);

// Shared pieces (feedback_widgets.cpp).
struct PersonChoice {
    std::string person_id, name, detail;  // detail: "your team", "manager", "HR"...
};
// A button naming the chosen person; it opens a searchable list. True when the choice changed.
bool person_picker(const char* id, const std::vector<PersonChoice>& people, std::string& chosen);
// Lays buttons out in a row that wraps at `right_edge` (a phone's width): call before each but the first.
void next_in_row(float item_width, float right_edge);
// One button per value HR offers, wrapping on narrow screens; tapping the chosen one clears it.
void value_picker(const char* id, const FeedbackWorld& world, std::string& chosen);
// A text field kept on this device while its form is written (never sent until the form is).
TextDraft& form_text(App& app, const std::string& form_id, const char* field);
bool draw_form_field(App& app, TextDraft& draft, const char* label, const char* hint, float height);
// Situation, behaviour, impact and next step as a person reads them.
void draw_sbi(const SituationBehaviourImpact& text);
// The people a picker offers. Built when the data changes, not every frame: HR's device knows everyone.
enum class People {
    FeedbackTo,     // my tree, then peer managers
    RecognitionTo,  // anyone this device knows of but me
    Askable,        // managers, mentors and HR but me
    MeOrMyTeam,     // what a request may be about
    Managers,       // managers but me (a nominee; HR's choice of team wall)
};
const std::vector<PersonChoice>& people_to_choose(App& app, People which);
} // namespace tandem::client
