"""Texts of Wagtail (and django-taggit) that editors meet in the admin, translated here.

Wagtail 7.4's Polish catalogue lacks these, or translates them wrongly ("upusć", "cudzysłowia",
"Tytuł strony jaki chcesz żeby był widoczny", "Wybierz %(object)s" with a nominative, the
dashboard's "7 Images"); django-taggit has no Polish catalogue at all. `make messages` keeps
only the msgids it finds in our sources, so each is listed here exactly as Wagtail spells it;
our catalogue comes first in LOCALE_PATHS, so its translations win. Each is meant to be offered
upstream (Wagtail translates on Transifex).

The texts of Wagtail's scripts are in locale/pl/LC_MESSAGES/djangojs.po instead (see its
header). The project's own chooser labels are in core/choosers.py and the snippet viewsets.
Texts that Wagtail's templates do not mark for translation at all ("Search", "Actions") are
fixed by template overrides in core/templates/wagtailadmin/.

Nothing imports this module: it exists for `makemessages` (tests/core/test_admin_catalogue.py
checks that the catalogue translates every text listed here).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

SINGULAR = [
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("Go to the first error"),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Saved"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate "
        "tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    gettext_noop("Currently idle"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("Actions (footer)"),
    gettext_noop("Breadcrumb"),
    gettext_noop("Checks"),
    gettext_noop("Toggle checks"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate "
        "the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different "
        "languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and "
        "words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more '
        "information on how content metrics are calculated."
    ),
    gettext_noop("Search term"),
    gettext_noop("Search all pages…"),
    gettext_noop("Site summary"),
    gettext_noop("Sidebar"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Toggle status"),
    gettext_noop("Toggle comments"),
    gettext_noop("Toggle preview"),
    gettext_noop("Minimap"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Editing %(page_type)s"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Compare with live version"),
    gettext_noop("Compare"),
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Enable custom ordering"),
    gettext_noop("Sort item order"),
    gettext_noop(
        "Focus on the drag button and press up or down arrows to move the item, then press enter "
        "to submit the change."
    ),
    gettext_noop("'%(page_title)s' has been moved successfully."),
    gettext_noop("(blank)"),
    gettext_noop("any"),
    gettext_noop("%(range_start)s - %(range_end)s"),
    gettext_noop("%(field_label)s:"),
    gettext_noop("Minimum"),
    gettext_noop("Maximum"),
    gettext_noop("Usage count"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("item"),
    gettext_noop("items"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span "
        'class="w-title-ellipsis">%(title)s</span>\'.'
    ),
    gettext_noop("%(classname)s object (%(id)s)"),
    gettext_noop("%(status_display)s %(task_name)s %(started_at)s"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop(
        'Why not <a class="create-one-now" href="#tab-new" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">create one now</a>?'
    ),
    gettext_noop(
        'Why not <a class="upload-one-now" href="#tab-upload" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">upload one now</a>?'
    ),
    gettext_noop("Placeholder title"),
    gettext_noop("Preview for %(block_label)s (%(block_type)s)"),
    gettext_noop("Is commenting action"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("The page title as you'd like it to be seen by the public"),
    gettext_noop(
        "The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/"
    ),
    gettext_noop("title tag"),
    gettext_noop("The descriptive text displayed underneath a headline in search engine results."),
    gettext_noop("For search engines"),
    gettext_noop("For site menus"),
    gettext_noop("Whether a link to this page will appear in automatically generated menus"),
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("A comma-separated list of tags."),
    gettext_noop("Please provide a comma-separated list of tags."),
    gettext_noop("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    gettext_noop("Add %(label)s"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
    gettext_noop("Edit this %(object)s"),
    gettext_noop("Scheduling…"),
    gettext_noop("Schedule to publish"),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to '
        'publish" option'
    ),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Once scheduled:"),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow '
        '"%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow '
        '"%(workflow)s".'
    ),
    gettext_noop("%(model_name)s '%(title)s' is now unlocked."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by "
        "%(user)s"
    ),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("Version from %(timestamp)s of %(model_name)s '%(object)s' has been published."),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for "
        "publishing."
    ),
    gettext_noop("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    gettext_noop(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task "
        "'%(task_name)s'."
    ),
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("Request to create %(model_name)s was blocked by hook."),
    gettext_noop("Request to edit %(model_name)s was blocked by hook."),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure the "
        "slug is unique and try again."
    ),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use within the parent page at "
        "'%(parent_url_path)s'."
    ),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been deleted"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been published"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been unpublished"),
    gettext_noop("You do not have permission to access the admin."),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("Please select another parent."),
    gettext_noop("Expiry date/time must be in the future."),
    gettext_noop("Date cannot be in the future."),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    gettext_noop("Cannot overwrite a revision that was not created by the current user."),
    gettext_noop("will be set to the default %(model_name)s"),
    gettext_noop("will be set to a %(model_name)s specified by the system"),
    gettext_noop("will unset the reference"),
    gettext_noop("Private, accessible with a shared password"),
    gettext_noop("Private, accessible to any logged-in users"),
    gettext_noop("shared password"),
    gettext_noop(
        "Shared passwords should not be used to protect sensitive content. Anyone who has this "
        "password will be able to view the content."
    ),
    gettext_noop("Removed the '%(restriction)s' view restriction. The page is public."),
    gettext_noop("Drag and drop images into this area to upload immediately."),
    gettext_noop("Add images"),
    gettext_noop("Layout"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("The filter options you have selected are not valid."),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("The file could not be found. Please change the source or delete the document."),
    gettext_noop(
        "A heading that identifies the overall topic of the table, and is useful for screen reader "
        "users."
    ),
    gettext_noop("%(model)s permissions"),
]

PLURAL = [
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        "This action will delete <b>%(total_pages_formatted)s</b> page in total.",
        "This action will delete <b>%(total_pages_formatted)s</b> pages in total.",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been deleted",
        "%(num_parent_objects)d pages have been deleted",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been published",
        "%(num_parent_objects)d pages have been published",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been unpublished",
        "%(num_parent_objects)d pages have been unpublished",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page",
        "%(num_parent_objects)d pages",
        "count",
    ),
    ngettext_lazy(
        "%(num_child_objects)d child page",
        "%(num_child_objects)d child pages",
        "count",
    ),
    ngettext_lazy(
        "%(num_pages)d page",
        "%(num_pages)d pages",
        "count",
    ),
]
