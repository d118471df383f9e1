#pragma once
// The parts of the check-in screen, one file each: the agenda (carried items, talking points) and the
// action items agreed in the meeting. Private to the 1:1s feature.
#include "tandem/one_on_ones/checkin_views.h"

namespace tandem::client {
class Context;

// What the meeting records (notes, mood, an item agreed or ticked) written on or after a planned 1:1's
// day means it took place: it is held on that day. Talking points and a title are preparation.
void held_by_writing(Context& ctx, const CheckInDetail& checkin);

// Open items carried from earlier 1:1s (and those ticked in this one, with undo), then this meeting's
// talking points and a field to add one.
void draw_agenda(Context& ctx, const CheckInDetail& checkin);
// This meeting's action items, each with its owner and due date, and a row to add one.
void draw_action_items(Context& ctx, const CheckInDetail& checkin);
} // namespace tandem::client
