// ViewState as the owner of the display zone: one value every view reads, remembered across
// sessions.
#include "viewstate.h"

#include <QSettings>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace fa;

namespace {
const QString kZoneKey = QStringLiteral("details/timeZone");
}

TEST(ViewState, TheDisplayZoneIsAnnouncedOncePerChangeAndRemembered)
{
    QSettings().remove(kZoneKey);
    {
        ViewState state;
        EXPECT_EQ(state.displayZone(), DisplayZone::Utc);
        QSignalSpy changed(&state, &ViewState::displayZoneChanged);
        state.setDisplayZone(DisplayZone::Kabul);
        state.setDisplayZone(DisplayZone::Kabul);
        ASSERT_EQ(changed.size(), 1);
        EXPECT_EQ(changed[0][0].value<DisplayZone>(), DisplayZone::Kabul);
    }
    // The next session starts in the zone chosen last.
    ViewState next;
    EXPECT_EQ(next.displayZone(), DisplayZone::Kabul);
    QSettings().remove(kZoneKey);
}

TEST(ViewState, AnUnknownStoredZoneFallsBackToUtc)
{
    QSettings().setValue(kZoneKey, 7);
    ViewState state;
    EXPECT_EQ(state.displayZone(), DisplayZone::Utc);
    QSettings().remove(kZoneKey);
}
