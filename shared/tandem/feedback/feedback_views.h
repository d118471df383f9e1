#pragma once
// Read model of feedback, requests, recognition and culture champions, as one user's device holds them.
// The store already holds only what the user may read (the server filters pulls); this sorts it into what
// the screens show: what I gave and received, what I was asked, the wall, the spotlight, nominations.
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem {

struct SituationBehaviourImpact {
    std::string situation, behaviour, impact, next_step;
};

struct FeedbackView {
    std::string feedback_id, from_id, about_id, kind, visibility, value_tag_id, request_id, given_on;
    SituationBehaviourImpact text;
};

struct RecognitionView {
    std::string recognition_id, from_id, about_id, about_name, value_tag_id, given_on;
    SituationBehaviourImpact text;
    std::string from_name;  // copied in by givers without a colleague card (employees); else empty
};

struct FeedbackRequestView {
    std::string request_id, from_id, asked_id, about_id, question, asked_on, decline_reason;
    bool declined = false;
    std::string answer_id;  // the feedback that answered it; empty while unanswered
    bool open() const { return !declined && answer_id.empty(); }
};

struct NominationView {
    std::string nomination_id, from_id, about_id, about_name, value_tag_id, reason, nominated_on;
};

struct SpotlightView {
    std::string spotlight_id, about_id, about_name, value_tag_id, message, nomination_id, since;
    bool ended = false;
};

struct ValueTagView {
    std::string tag_id, name, description;
    bool archived = false;
};

struct FeedbackWorld {
    std::vector<ValueTagView> value_tags;     // by name
    std::vector<FeedbackView> given;          // by me, newest first
    std::vector<FeedbackView> received;       // addressed to me, newest first
    std::vector<FeedbackRequestView> asked_of_me;  // open ones first, then newest first
    std::vector<FeedbackRequestView> my_requests;  // newest first
    std::vector<RecognitionView> recognitions;     // the whole wall, newest first
    std::vector<SpotlightView> spotlights;         // current first, then newest first
    std::vector<NominationView> nominations;       // mine, or every one for HR; newest first

    const ValueTagView* value_tag(const std::string& tag_id) const;
    int open_requests() const;
};

FeedbackWorld feedback_world(Store& store, const std::string& user_id);

// The recognitions about `members` (a team: a manager's tree), newest first.
std::vector<RecognitionView> wall_of(const FeedbackWorld& world, const std::vector<std::string>& members);

} // namespace tandem
