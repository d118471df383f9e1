#pragma once
// Feedback and recognition (docs/features.md, Feedback and recognition): the feedback screen (what was asked of
// me, what I gave and received, asking for feedback), the form that gives feedback or a recognition, and the
// recognition wall with culture champions and, for HR, nominations, spotlights and the company's values.
#include <string>
#include <vector>

#include "tandem/feedback/feedback_views.h"
#include "ui/form_text.h"
#include "ui/person_picker.h"

namespace tandem::client {
class Context;
class Registry;

inline constexpr const char* kFeedbackScreen = "feedback";
inline constexpr const char* kGiveFeedbackScreen = "feedback/give";
inline constexpr const char* kRecognitionScreen = "feedback/recognition";

void register_feedback(Registry& registry);
// Feedback, requests, the wall, values and champions as this device holds them, rebuilt when data changed.
const FeedbackWorld& feedback_on_device();

void draw_feedback_screen(Context& ctx);
// An employee's feedback screen: asking their manager, their requests, what was shared with them.
void draw_employee_feedback_screen(Context& ctx);
void draw_give_feedback_screen(Context& ctx);
void draw_recognition_screen(Context& ctx);

// Opens the form for feedback about `about_id` (empty: chosen on the form), answering `request_id` if set.
void start_feedback(Context& ctx, const std::string& about_id, const std::string& request_id, bool recognition = false);

// Whom a recognition may name. An employee's device holds no org chart beyond their own record, so they
// choose from the colleague cards and the people the wall already names: nothing a reader learns from the
// list is not on the wall or the cards already (feedback_widgets.cpp).
const std::vector<PersonChoice>& people_to_recognise(Context& ctx);
// The giver of a recognition as this device can name them: their card or record, else the name copied in.
std::string giver_name(Context& ctx, const RecognitionView& item);

// Shared by the feedback screens (feedback_widgets.cpp).
// Lays buttons out in a row that wraps at `right_edge` (a phone's width): call before each but the first.
void next_in_row(float item_width, float right_edge);
// One button per value HR offers, wrapping on narrow screens; tapping the chosen one clears it.
void value_picker(const char* id, const FeedbackWorld& world, std::string& chosen);
// Situation, behaviour, impact and next step as a person reads them.
void draw_sbi(const SituationBehaviourImpact& text);
} // namespace tandem::client
