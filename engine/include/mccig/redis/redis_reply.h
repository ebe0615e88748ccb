#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mccig {

// An owned copy of one Redis reply, so no hiredis redisReply* ever leaves the
// Redis layer. A plain value: copy and move it freely, from any thread.
struct RedisReply {
    enum class Type {
        Nil,
        Integer,
        String,
        Status,
        Error,
        Array,
    };

    Type type = Type::Nil;
    long long integer = 0;            // Type::Integer
    std::string text;                 // Type::String, Type::Status, Type::Error
    std::vector<RedisReply> elements; // Type::Array

    bool isNil() const { return type == Type::Nil; }
    bool isInteger() const { return type == Type::Integer; }
    bool isString() const { return type == Type::String; }
    bool isStatus() const { return type == Type::Status; }
    bool isError() const { return type == Type::Error; }
    bool isArray() const { return type == Type::Array; }

    static RedisReply nil() { return {}; }
    static RedisReply fromInteger(long long value) { return {Type::Integer, value, {}, {}}; }
    static RedisReply fromString(std::string value) { return {Type::String, 0, std::move(value), {}}; }
    static RedisReply fromStatus(std::string value) { return {Type::Status, 0, std::move(value), {}}; }
    static RedisReply fromError(std::string value) { return {Type::Error, 0, std::move(value), {}}; }
    static RedisReply fromArray(std::vector<RedisReply> values) { return {Type::Array, 0, {}, std::move(values)}; }
};

} // namespace mccig
