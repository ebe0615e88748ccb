#pragma once

#include "http/router.h"
#include "ingest/ingest_context.h"

namespace mccig::server {

// Adds POST /v1/ingest/{sms,chat,voice} and the /ingest/* aliases (API.md §3).
// The context must outlive the router.
void registerIngestRoutes(Router& router, const IngestContext& context);

} // namespace mccig::server
