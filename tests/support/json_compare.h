#pragma once

#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

// QCOMPARE cannot print nlohmann::json; this shows both sides as JSON text.
#define QCOMPARE_JSON(actual, expected) \
    QVERIFY2(nlohmann::json(actual) == nlohmann::json(expected), \
             qPrintable(QString::fromStdString(nlohmann::json(actual).dump() + " != " + nlohmann::json(expected).dump())))
