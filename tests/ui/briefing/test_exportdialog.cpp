// The export dialog: its choices persist, and its preview is the real briefing picture.
#include "exportdialog.h"
#include "viewstate.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <gtest/gtest.h>

using namespace fa;

TEST(ExportDialog, ChoicesPersistAcrossDialogs)
{
    QSettings().remove(QStringLiteral("briefingExport"));
    ViewState state;
    {
        ExportDialog d(&state, GeoBox{66, 35.5, 76, 40.5});
        EXPECT_EQ(d.format(), ExportDialog::Format::Png); // defaults first
        EXPECT_TRUE(d.briefingSettings().caveat.isEmpty());
        auto* format = d.findChild<QComboBox*>(QStringLiteral("format"));
        auto* size = d.findChild<QComboBox*>(QStringLiteral("sizePreset"));
        auto* title = d.findChild<QLineEdit*>(QStringLiteral("title"));
        auto* caveat = d.findChild<QLineEdit*>(QStringLiteral("caveat"));
        auto* legend = d.findChild<QCheckBox*>(QStringLiteral("legend"));
        ASSERT_TRUE(format && size && title && caveat && legend);
        format->setCurrentIndex(format->findData(int(ExportDialog::Format::Pdf)));
        size->setCurrentIndex(size->findData(int(ExportDialog::SizePreset::Uhd4k)));
        title->setText(QStringLiteral("Weekly brief"));
        caveat->setText(QStringLiteral("FOR OFFICIAL USE ONLY"));
        legend->setChecked(false);
        d.saveChoices();
    }
    ExportDialog again(&state, GeoBox{66, 35.5, 76, 40.5});
    EXPECT_EQ(again.format(), ExportDialog::Format::Pdf);
    EXPECT_EQ(again.sizePreset(), ExportDialog::SizePreset::Uhd4k);
    EXPECT_EQ(again.pixelSize(), QSize(3840, 2160));
    const BriefingSettings s = again.briefingSettings();
    EXPECT_EQ(s.title, QStringLiteral("Weekly brief"));
    EXPECT_EQ(s.caveat, QStringLiteral("FOR OFFICIAL USE ONLY"));
    EXPECT_FALSE(s.legend);
    EXPECT_TRUE(s.scaleBar);
    QSettings().remove(QStringLiteral("briefingExport"));
}

TEST(ExportDialog, PreviewShowsAPictureWithTheOutputsProportions)
{
    QSettings().remove(QStringLiteral("briefingExport"));
    ViewState state;
    ExportDialog d(&state, GeoBox{66, 35.5, 76, 40.5});
    auto* preview = d.findChild<QLabel*>(QStringLiteral("briefingPreview"));
    ASSERT_NE(preview, nullptr);
    const QPixmap pm = preview->pixmap();
    ASSERT_FALSE(pm.isNull());
    const double aspect = double(pm.width()) / pm.height();
    EXPECT_NEAR(aspect, 1920.0 / 1080.0, 0.02);
}

TEST(ExportDialog, CopyToClipboardPutsTheBriefingPictureThere)
{
    QSettings().remove(QStringLiteral("briefingExport"));
    QApplication::clipboard()->clear();
    ViewState state;
    ASSERT_TRUE(ExportDialog::copyToClipboard(&state, GeoBox{66, 35.5, 76, 40.5}));
    const QImage img = QApplication::clipboard()->image();
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.size(), QSize(1920, 1080));           // the remembered (default) size
    EXPECT_EQ(img.pixelColor(5, 5), QColor(Qt::white)); // no caveat band by default
}
