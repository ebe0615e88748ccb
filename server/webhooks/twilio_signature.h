#pragma once

#include "webhooks/form_fields.h"

#include <string>
#include <string_view>

namespace mccig::server {

// X-Twilio-Signature as Twilio documents it: Base64 of HMAC-SHA1, keyed with
// the account's auth token, over the full URL Twilio requested followed by
// every POST field's name and value, sorted by name.
std::string twilioSignature(std::string_view authToken, std::string_view url, const FormFields& fields);

// True when `signature` matches for `url` or for the same URL with its
// default port written out or left off (Twilio signs whichever form it used;
// its own validator accepts both). Constant-time in the signature for each
// form; the form as written is tried first.
bool twilioSignatureMatches(std::string_view authToken, std::string_view url, const FormFields& fields,
                            std::string_view signature);

} // namespace mccig::server
