#pragma once

#include "webhooks/form_fields.h"

#include <expected>
#include <optional>
#include <string>

namespace mccig::server {

// Twilio's form fields as the JSON text of a /v1/ingest/sms body (API.md §3),
// for the validator to check like any other: MessageSid is the
// providerMessageId, From, To and Body keep their meaning, MediaUrl0..N
// become "media", every other field is kept under metadata.twilio. A media-only MMS (no Body) gets
// the body "[MMS with N media]". A one-line message when a required field
// is missing.
std::expected<std::string, std::string> twilioSmsBody(const FormFields& fields);

// A Twilio voice callback as the JSON text of a /v1/ingest/voice body:
// CallSid is the providerMessageId, TranscriptionText the transcript,
// RecordingUrl the recording, CallDuration (else RecordingDuration, else 0) the duration,
// Direction inbound or outbound (outbound-api, outbound-dial). Nothing for a
// call still in progress (a CallStatus that is not final, and no
// transcription): there is nothing to store yet.
std::expected<std::optional<std::string>, std::string> twilioVoiceBody(const FormFields& fields);

// The answer Twilio expects to a delivery it should not retry: empty TwiML.
inline constexpr const char* kEmptyTwiml = R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)";

} // namespace mccig::server
