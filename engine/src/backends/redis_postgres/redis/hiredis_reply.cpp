#include "hiredis_reply.h"

#include <hiredis/hiredis.h>

namespace mccig {

RedisReply copyHiredisReply(const redisReply* reply)
{
    if (reply == nullptr)
        return RedisReply::nil();
    switch (reply->type) {
    case REDIS_REPLY_INTEGER:
        return RedisReply::fromInteger(reply->integer);
    case REDIS_REPLY_STRING:
        return RedisReply::fromString(std::string(reply->str, reply->len));
    case REDIS_REPLY_STATUS:
        return RedisReply::fromStatus(std::string(reply->str, reply->len));
    case REDIS_REPLY_ERROR:
        return RedisReply::fromError(std::string(reply->str, reply->len));
    case REDIS_REPLY_ARRAY: {
        std::vector<RedisReply> elements;
        elements.reserve(reply->elements);
        for (size_t i = 0; i < reply->elements; ++i)
            elements.push_back(copyHiredisReply(reply->element[i]));
        return RedisReply::fromArray(std::move(elements));
    }
    default:
        return RedisReply::nil();
    }
}

} // namespace mccig
