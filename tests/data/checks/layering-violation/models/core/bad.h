#pragma once
// Fixture for tests/checks/check_layering.cmake: a model header that wrongly pulls in widgets.
#include <QtWidgets/QLabel>
