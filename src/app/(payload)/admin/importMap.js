import { NamedDocumentTitle as NamedDocumentTitle_b7588df77253e480b66a9dfb6449d4b0 } from '../../../../collections/shared/admin/NamedDocumentTitle'
import { ImageSizesList as ImageSizesList_de11fec6d8355c8f4de8ed8d1592b5bd } from '../../../../media/admin/ImageSizesList'
import { ReviewPanel as ReviewPanel_419bf1fa3fd18a9ac1215bb0242ef6e5 } from '../../../plugin/review/admin/ReviewPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { TaskPickerField as TaskPickerField_7f86670edc94333b2694ef272d745602 } from '../../../plugin/counting/admin/TaskPickerField'
import { ItemCountingField as ItemCountingField_1d2ce4e49613e54f9744f3eb75eff8da } from '../../../plugin/counting/admin/ItemCountingField'
import { PlannedItemField as PlannedItemField_6074d48460aec5a3900e32b0f526c3af } from '../../../plugin/calendar/admin/PlannedItemField'
import { ReviewPublishButton as ReviewPublishButton_54ff548d644aa39a9948773741335130 } from '../../../plugin/review/admin/ReviewPublishButton'
import { FeedLinks as FeedLinks_355b585b03e6636e5cd2d36666d69397 } from '../../../plugin/feeds/admin/FeedLinks'
import { TaskAttainmentField as TaskAttainmentField_9e7bada43854fea9daf97ffa5a0c78f7 } from '../../../plugin/report/admin/TaskAttainmentField'
import { ShareLinkUrlField as ShareLinkUrlField_4442d6a42cccf155df9c33673498bac3 } from '../../../plugin/share/admin/ShareLinkUrlField'
import { ReportDocumentLinks as ReportDocumentLinks_a4f5d93611746b244eaf639ba761f258 } from '../../../plugin/report/admin/ReportDocumentLinks'
import { ReportSnapshotField as ReportSnapshotField_d0b1218d374f30141a5ce3aa61a4eaac } from '../../../plugin/report/admin/ReportSnapshotField'
import { NotificationBell as NotificationBell_72da99504ff4941ac231521d8bf3fe3e } from '../../../plugin/inbox/admin/NotificationBell'
import { QuotaNavLink as QuotaNavLink_6b730502d75436465c4a54d9efde92d7 } from '../../../plugin/report/admin/QuotaNavLink'
import { CalendarNavLink as CalendarNavLink_e9845646bd32985f20b3c5ac5259b263 } from '../../../plugin/calendar/admin/CalendarNavLink'
import { PlanImportNavLink as PlanImportNavLink_566a31191d66d63bade9d3b38ab783f9 } from '../../../plugin/import/admin/PlanImportNavLink'
import { ReviewNavLink as ReviewNavLink_28d79c757669f65d9870393b6392a451 } from '../../../plugin/review/admin/ReviewNavLink'
import { InboxBlock as InboxBlock_fc47f0f1371c42a944960a2aeca745c1 } from '../../../plugin/inbox/admin/InboxBlock'
import { QuotaAttentionWidget as QuotaAttentionWidget_499b95926aebc32253e20aca64cc22b8 } from '../../../plugin/report/admin/QuotaAttentionWidget'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { QuotaDashboard as QuotaDashboard_fd7c553f8630ab35526bae8c4edd9690 } from '../../../plugin/report/admin/QuotaDashboard'
import { PlanImportView as PlanImportView_7a65c17ceb78ed38a5b6fc8909d39222 } from '../../../plugin/import/admin/PlanImportView'
import { InboxView as InboxView_f8613b95dd151af536ed4788bb83d66e } from '../../../plugin/inbox/admin/InboxView'
import { CalendarView as CalendarView_fae91028399f6c7a881daaec80dd012c } from '../../../plugin/calendar/admin/CalendarView'
import { ReviewQueueView as ReviewQueueView_5f9497c21a77a3597c7fe859f115468d } from '../../../plugin/review/admin/ReviewQueueView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/../collections/shared/admin/NamedDocumentTitle#NamedDocumentTitle": NamedDocumentTitle_b7588df77253e480b66a9dfb6449d4b0,
  "/../media/admin/ImageSizesList#ImageSizesList": ImageSizesList_de11fec6d8355c8f4de8ed8d1592b5bd,
  "/plugin/review/admin/ReviewPanel#ReviewPanel": ReviewPanel_419bf1fa3fd18a9ac1215bb0242ef6e5,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugin/counting/admin/TaskPickerField#TaskPickerField": TaskPickerField_7f86670edc94333b2694ef272d745602,
  "/plugin/counting/admin/ItemCountingField#ItemCountingField": ItemCountingField_1d2ce4e49613e54f9744f3eb75eff8da,
  "/plugin/calendar/admin/PlannedItemField#PlannedItemField": PlannedItemField_6074d48460aec5a3900e32b0f526c3af,
  "/plugin/review/admin/ReviewPublishButton#ReviewPublishButton": ReviewPublishButton_54ff548d644aa39a9948773741335130,
  "/plugin/feeds/admin/FeedLinks#FeedLinks": FeedLinks_355b585b03e6636e5cd2d36666d69397,
  "/plugin/report/admin/TaskAttainmentField#TaskAttainmentField": TaskAttainmentField_9e7bada43854fea9daf97ffa5a0c78f7,
  "/plugin/share/admin/ShareLinkUrlField#ShareLinkUrlField": ShareLinkUrlField_4442d6a42cccf155df9c33673498bac3,
  "/plugin/report/admin/ReportDocumentLinks#ReportDocumentLinks": ReportDocumentLinks_a4f5d93611746b244eaf639ba761f258,
  "/plugin/report/admin/ReportSnapshotField#ReportSnapshotField": ReportSnapshotField_d0b1218d374f30141a5ce3aa61a4eaac,
  "/plugin/inbox/admin/NotificationBell#NotificationBell": NotificationBell_72da99504ff4941ac231521d8bf3fe3e,
  "/plugin/report/admin/QuotaNavLink#QuotaNavLink": QuotaNavLink_6b730502d75436465c4a54d9efde92d7,
  "/plugin/calendar/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_e9845646bd32985f20b3c5ac5259b263,
  "/plugin/import/admin/PlanImportNavLink#PlanImportNavLink": PlanImportNavLink_566a31191d66d63bade9d3b38ab783f9,
  "/plugin/review/admin/ReviewNavLink#ReviewNavLink": ReviewNavLink_28d79c757669f65d9870393b6392a451,
  "/plugin/inbox/admin/InboxBlock#InboxBlock": InboxBlock_fc47f0f1371c42a944960a2aeca745c1,
  "/plugin/report/admin/QuotaAttentionWidget#QuotaAttentionWidget": QuotaAttentionWidget_499b95926aebc32253e20aca64cc22b8,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/plugin/report/admin/QuotaDashboard#QuotaDashboard": QuotaDashboard_fd7c553f8630ab35526bae8c4edd9690,
  "/plugin/import/admin/PlanImportView#PlanImportView": PlanImportView_7a65c17ceb78ed38a5b6fc8909d39222,
  "/plugin/inbox/admin/InboxView#InboxView": InboxView_f8613b95dd151af536ed4788bb83d66e,
  "/plugin/calendar/admin/CalendarView#CalendarView": CalendarView_fae91028399f6c7a881daaec80dd012c,
  "/plugin/review/admin/ReviewQueueView#ReviewQueueView": ReviewQueueView_5f9497c21a77a3597c7fe859f115468d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
