#include "reply_builder_functions.h"

#include <hiredis/hiredis.h>

#include <array>

namespace mccig {
namespace {

// hiredis's reader nests replies at most this deep.
constexpr std::size_t kMaxDepth = 9;

struct TaskPath {
    std::array<int, kMaxDepth> indices{};
    std::size_t depth = 0;

    ReplyPath view() const { return {indices.data(), depth}; }
};

TaskPath pathOf(const redisReadTask* task)
{
    TaskPath path;
    for (const redisReadTask* t = task; t->parent != nullptr && path.depth < kMaxDepth; t = t->parent)
        ++path.depth;
    std::size_t slot = path.depth;
    for (const redisReadTask* t = task; slot > 0; t = t->parent)
        path.indices[--slot] = t->idx;
    return path;
}

BuildingReply& buildingOf(const redisReadTask* task) { return *static_cast<BuildingReply*>(task->privdata); }

void* createString(const redisReadTask* task, char* text, size_t length)
{
    BuildingReply& building = buildingOf(task);
    if (task->type != REDIS_REPLY_ERROR)
        building.builder.string(pathOf(task).view(), {text, length});
    else if (!building.refusal)
        building.refusal.emplace(text, length);
    return &building;
}

void* createArray(const redisReadTask* task, int elements)
{
    BuildingReply& building = buildingOf(task);
    building.builder.array(pathOf(task).view(), static_cast<std::size_t>(elements));
    return &building;
}

void* createInteger(const redisReadTask* task, long long value)
{
    BuildingReply& building = buildingOf(task);
    building.builder.integer(pathOf(task).view(), value);
    return &building;
}

void* createNil(const redisReadTask* task)
{
    BuildingReply& building = buildingOf(task);
    building.builder.nil(pathOf(task).view());
    return &building;
}

void freeNothing(void* /*object*/) {}

} // namespace

redisReplyObjectFunctions* builderReplyFunctions()
{
    static redisReplyObjectFunctions functions{createString, createArray, createInteger, createNil, freeNothing};
    return &functions;
}

} // namespace mccig
