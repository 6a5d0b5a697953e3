"""The parameters limelight's public callables take, pinned: dropping one (or renaming it)
fails here. ``benchmarks/compat/surface.py --gradio-python ...`` compares them with Gradio's;
a parameter added on purpose is added here too."""

from __future__ import annotations

import pytest
from benchmarks.compat.surface import describe


def names(text: str) -> set[str]:
    """The parameter names in ``text``, separated by spaces."""
    return set(text.split())


EXPECTED: dict[str, set[str]] = {
    "launch": names(
        "_app _frontend allowed_hosts allowed_origins allowed_paths app_kwargs auth "
        "auth_dependency auth_message backend blocked_paths css css_paths debug "
        "enable_monitoring favicon_path file_store footer_links forwarded_allow_ips head "
        "head_paths "
        "height i18n inbrowser inline js max_file_size max_threads mcp_server node_port "
        "node_server_name num_workers prevent_thread_lock pwa quiet root_path run_history "
        "server_name server_port share share_server_address share_server_protocol "
        "share_server_tls_certificate show_error ssl_certfile ssl_keyfile "
        "ssl_keyfile_password ssl_verify ssr_mode state_session_capacity strict_cors theme "
        "width"
    ),
    "Server.api": names(
        "api_visibility batch concurrency_id concurrency_limit description fn max_batch_size "
        "name queue stream_every time_limit"
    ),
    "Server.launch": names(
        "_frontend allowed_hosts allowed_paths app_kwargs auth auth_dependency auth_message "
        "backend blocked_paths css css_paths debug enable_monitoring favicon_path "
        "footer_links forwarded_allow_ips head head_paths height i18n inbrowser inline js "
        "max_file_size max_threads mcp_server node_port node_server_name num_workers "
        "prevent_thread_lock pwa quiet root_path run_history server_name server_port share "
        "share_server_address share_server_protocol share_server_tls_certificate show_error "
        "ssl_certfile ssl_keyfile ssl_keyfile_password ssl_verify ssr_mode "
        "state_session_capacity strict_cors theme width"
    ),
    "Blocks": names(
        "analytics_enabled css css_paths delete_cache fill_height fill_width head head_paths "
        "js mode theme title"
    ),
    "Interface": names(
        "_api_mode additional_inputs additional_inputs_accordion allow_duplication "
        "allow_flagging analytics_enabled api_description api_name api_visibility article "
        "batch cache_examples cache_mode clear_btn concurrency_limit css css_paths deep_link "
        "delete_cache description example_labels examples examples_per_page fill_height "
        "fill_width flagging_callback flagging_dir flagging_mode flagging_options fn head "
        "head_paths inputs js live max_batch_size outputs preload_example show_progress "
        "stop_btn stream_every submit_btn theme time_limit title validator"
    ),
    "ChatInterface": names(
        "additional_inputs additional_inputs_accordion additional_outputs analytics_enabled "
        "api_description api_name api_visibility autofocus autoscroll cache_examples "
        "cache_mode chatbot concurrency_limit css css_paths delete_cache description editable "
        "example_icons example_labels examples examples_label fill_height fill_width "
        "flagging_dir flagging_mode flagging_options fn head head_paths js multimodal "
        "run_examples_on_click save_history show_progress stop_btn submit_btn textbox theme "
        "title validator"
    ),
    "Accordion": names(
        "elem_classes elem_id height key label max_height open preserved_by_key render visible"
    ),
    "AnnotatedImage": names(
        "buttons color_map container elem_classes elem_id every format height inputs key "
        "label min_width preserved_by_key render scale show_label show_legend value visible "
        "width"
    ),
    "Audio": names(
        "autoplay buttons container editable elem_classes elem_id every format info inputs "
        "interactive key label loop min_width playback_position preserved_by_key recording "
        "render scale show_download_button show_label sources streaming subtitles type value "
        "visible waveform waveform_options"
    ),
    "BarPlot": names(
        "buttons caption color color_map color_title colors_in_legend container elem_classes "
        "elem_id every height inputs key label min_width preserved_by_key render scale "
        "show_label sort title tooltip value visible x x_axis_format x_axis_labels_visible "
        "x_bin x_label_angle x_lim x_title y y_aggregate y_axis_format y_label_angle y_lim "
        "y_title"
    ),
    "BrowserState": names("default_value render secret storage_key"),
    "Button": names(
        "buttons elem_classes elem_id every icon inputs interactive key link link_target "
        "min_width preserved_by_key render scale size value variant visible"
    ),
    "Chatbot": names(
        "allow_file_downloads allow_tags autoscroll avatar_images buttons container editable "
        "elem_classes elem_id every examples feedback_options feedback_value "
        "group_consecutive_messages height inputs key label latex_delimiters layout "
        "like_user_message line_breaks max_height min_height min_width placeholder "
        "preserved_by_key reasoning_tags render render_markdown resizable rtl sanitize_html "
        "scale show_label value visible watermark"
    ),
    "Checkbox": names(
        "buttons container elem_classes elem_id every info inputs interactive key label "
        "min_width preserved_by_key render scale show_label value visible"
    ),
    "CheckboxGroup": names(
        "buttons choices container elem_classes elem_id every info inputs interactive key "
        "label min_width preserved_by_key render rtl scale show_label show_select_all type "
        "value visible"
    ),
    "ClearButton": names(
        "api_name api_visibility buttons components elem_classes elem_id every icon inputs "
        "interactive key link link_target min_width preserved_by_key render scale size value "
        "variant visible"
    ),
    "Code": names(
        "autocomplete buttons container elem_classes elem_id every info inputs interactive "
        "key label language lines max_lines min_width preserved_by_key render scale "
        "show_label show_line_numbers value visible wrap_lines"
    ),
    "ColorPicker": names(
        "buttons container elem_classes elem_id every info inputs interactive key label "
        "min_width preserved_by_key render scale show_label value visible"
    ),
    "Column": names(
        "elem_classes elem_id key min_width preserved_by_key render scale show_progress "
        "variant visible"
    ),
    "Component": names(
        "buttons container elem_classes elem_id every info inputs interactive key label "
        "min_width preserved_by_key render scale show_label value visible"
    ),
    "DataFrame": names(
        "buttons col_count column_count column_limits column_widths container datatype "
        "elem_classes elem_id every headers inputs interactive key label latex_delimiters "
        "line_breaks max_chars max_height min_width pinned_columns preserved_by_key render "
        "row_count row_limits scale show_label show_row_numbers show_search static_columns "
        "type value visible wrap"
    ),
    "Dataframe": names(
        "buttons col_count column_count column_limits column_widths container datatype "
        "elem_classes elem_id every headers inputs interactive key label latex_delimiters "
        "line_breaks max_chars max_height min_width pinned_columns preserved_by_key render "
        "row_count row_limits scale show_label show_row_numbers show_search static_columns "
        "type value visible wrap"
    ),
    "Dataset": names(
        "buttons component_props components container elem_classes elem_id every headers "
        "inputs interactive key label layout min_width preserved_by_key proxy_url render "
        "sample_labels samples samples_per_page scale show_label type value visible"
    ),
    "DateTime": names(
        "buttons container elem_classes elem_id every include_time info inputs interactive "
        "key label min_width preserved_by_key render scale show_label timezone type value "
        "visible"
    ),
    "DeepLinkButton": names(
        "buttons container copied_value elem_classes elem_id every icon inputs interactive "
        "key link link_target min_width preserved_by_key render scale size value variant "
        "visible"
    ),
    "DownloadButton": names(
        "buttons container elem_classes elem_id every icon inputs interactive key label "
        "min_width preserved_by_key render scale size value variant visible"
    ),
    "Dropdown": names(
        "allow_custom_value buttons choices container elem_classes elem_id every filterable "
        "info inputs interactive key label max_choices min_width multiselect "
        "num_choices_shown preserved_by_key render scale show_label type value visible"
    ),
    "DuplicateButton": names(
        "buttons container elem_classes elem_id every icon inputs interactive key link "
        "link_target min_width preserved_by_key render scale size value variant visible"
    ),
    "File": names(
        "allow_reordering buttons container elem_classes elem_id every file_count file_types "
        "height info inputs interactive key label min_width preserved_by_key render scale "
        "show_label type value visible"
    ),
    "Gallery": names(
        "allow_preview buttons columns container elem_classes elem_id every file_types "
        "fit_columns format height inputs interactive key label min_width object_fit "
        "preserved_by_key preview render rows scale selected_index show_label sources type "
        "value visible"
    ),
    "Group": names("elem_classes elem_id key preserved_by_key render visible"),
    "HTML": names(
        "apply_default_css autoscroll buttons container css_template elem_classes elem_id "
        "every head html_template inputs js_on_load key label max_height min_height min_width "
        "padding preserved_by_key render sanitize scale server_functions show_label value "
        "visible"
    ),
    "HighlightedText": names(
        "adjacent_separator buttons color_map combine_adjacent container elem_classes elem_id "
        "every inputs interactive key label min_width preserved_by_key render rtl scale "
        "show_inline_category show_label show_legend show_whitespaces value visible"
    ),
    "Image": names(
        "alt_text buttons container elem_classes elem_id every format height image_mode info "
        "inputs interactive key label min_width placeholder preserved_by_key render scale "
        "show_download_button show_label sources streaming type value visible watermark "
        "webcam_options width"
    ),
    "ImageEditor": names(
        "brush buttons canvas_size container elem_classes elem_id eraser every fixed_canvas "
        "format height image_mode info inputs interactive key label layers min_width "
        "placeholder preserved_by_key render scale show_label sources transforms type value "
        "visible webcam_options width"
    ),
    "ImageMask": names(
        "brush buttons canvas_size container elem_classes elem_id eraser every fixed_canvas "
        "format height image_mode info inputs interactive key label layers min_width "
        "placeholder preserved_by_key render scale show_label sources transforms type value "
        "visible webcam_options width"
    ),
    "ImageSlider": names(
        "buttons container elem_classes elem_id every format height image_mode inputs "
        "interactive key label max_height min_width preserved_by_key render scale show_label "
        "slider_position type value visible width"
    ),
    "JSON": names(
        "buttons container elem_classes elem_id every height inputs key label max_height "
        "min_height min_width open preserved_by_key render scale show_indices show_label "
        "value visible"
    ),
    "Label": names(
        "buttons color container elem_classes elem_id every inputs key label min_width "
        "num_top_classes preserved_by_key render scale show_heading show_label value visible"
    ),
    "LinePlot": names(
        "buttons caption color color_map color_title colors_in_legend container elem_classes "
        "elem_id every height inputs key label min_width preserved_by_key render scale "
        "show_label sort title tooltip value visible x x_axis_format x_axis_labels_visible "
        "x_bin x_label_angle x_lim x_title y y_aggregate y_axis_format y_label_angle y_lim "
        "y_title"
    ),
    "LoginButton": names(
        "buttons container elem_classes elem_id every icon inputs interactive key link "
        "link_target logout_value min_width preserved_by_key render scale size value variant "
        "visible"
    ),
    "Markdown": names(
        "buttons container elem_classes elem_id every header_links height inputs key label "
        "latex_delimiters line_breaks max_height min_height min_width padding "
        "preserved_by_key render rtl sanitize_html scale show_label value visible"
    ),
    "Model3D": names(
        "buttons camera_position clear_color container display_mode elem_classes elem_id "
        "every height info inputs interactive key label min_width pan_speed preserved_by_key "
        "render scale show_label value visible zoom_speed"
    ),
    "MultimodalTextbox": names(
        "autofocus autoscroll buttons container elem_classes elem_id every file_count "
        "file_types html_attributes info inputs interactive key label lines max_lines "
        "max_plain_text_length min_width placeholder preserved_by_key render rtl scale "
        "show_label sources stop_btn submit_btn text_align value visible"
    ),
    "Navbar": names(
        "buttons container elem_classes elem_id every inputs key main_page_name min_width "
        "preserved_by_key render scale value visible"
    ),
    "Number": names(
        "buttons container elem_classes elem_id every info inputs interactive key label "
        "maximum min_width minimum placeholder precision preserved_by_key render scale "
        "show_label step value visible"
    ),
    "Paint": names(
        "brush buttons canvas_size container elem_classes elem_id eraser every fixed_canvas "
        "format height image_mode info inputs interactive key label layers min_width "
        "placeholder preserved_by_key render scale show_label sources transforms type value "
        "visible webcam_options width"
    ),
    "ParamViewer": names(
        "anchor_links buttons container elem_classes elem_id every header inputs key language "
        "linkify max_height min_width preserved_by_key render scale value visible"
    ),
    "PlayableVideo": names(
        "autoplay buttons container elem_classes elem_id every format height include_audio "
        "info inputs interactive key label loop min_width playback_position preserved_by_key "
        "render scale show_download_button show_label sources streaming subtitles value "
        "visible watermark webcam_options width"
    ),
    "Plot": names(
        "buttons container elem_classes elem_id every format inputs interactive key label "
        "min_width preserved_by_key render scale show_label value visible"
    ),
    "Radio": names(
        "buttons choices container elem_classes elem_id every info inputs interactive key "
        "label min_width preserved_by_key render rtl scale show_label type value visible"
    ),
    "Row": names(
        "elem_classes elem_id equal_height height key max_height min_height preserved_by_key "
        "render scale show_progress variant visible"
    ),
    "ScatterPlot": names(
        "buttons caption color color_map color_title colors_in_legend container elem_classes "
        "elem_id every height inputs key label min_width preserved_by_key render scale "
        "show_label sort title tooltip value visible x x_axis_format x_axis_labels_visible "
        "x_bin x_label_angle x_lim x_title y y_aggregate y_axis_format y_label_angle y_lim "
        "y_title"
    ),
    "Sidebar": names(
        "elem_classes elem_id key label open position preserved_by_key render visible width"
    ),
    "Sketchpad": names(
        "brush buttons canvas_size container elem_classes elem_id eraser every fixed_canvas "
        "format height image_mode info inputs interactive key label layers min_width "
        "placeholder preserved_by_key render scale show_label sources transforms type value "
        "visible webcam_options width"
    ),
    "Slider": names(
        "buttons container elem_classes elem_id every info inputs interactive key label "
        "maximum min_width minimum precision preserved_by_key randomize render scale "
        "show_label show_reset_button step value visible"
    ),
    "State": names("delete_callback render time_to_live value"),
    "Tab": names(
        "alignment elem_classes elem_id height id interactive key label max_height "
        "preserved_by_key render render_children scale visible"
    ),
    "TabItem": names(
        "alignment elem_classes elem_id height id interactive key label max_height "
        "preserved_by_key render render_children scale visible"
    ),
    "TabbedInterface": names(
        "analytics_enabled css css_paths delete_cache fill_height fill_width head head_paths "
        "interface_list js mode tab_names tabs_kwargs theme title"
    ),
    "Tabs": names(
        "elem_classes elem_id key overflow_behavior preserved_by_key render selected visible"
    ),
    "Text": names(
        "autofocus autoscroll buttons container elem_classes elem_id every html_attributes "
        "info inputs interactive key label lines max_length max_lines min_width placeholder "
        "preserved_by_key render rtl scale show_label stop_btn submit_btn text_align type "
        "value visible"
    ),
    "TextArea": names(
        "autofocus autoscroll buttons container elem_classes elem_id every html_attributes "
        "info inputs interactive key label lines max_length max_lines min_width placeholder "
        "preserved_by_key render rtl scale show_label stop_btn submit_btn text_align type "
        "value visible"
    ),
    "Textbox": names(
        "autofocus autoscroll buttons container elem_classes elem_id every html_attributes "
        "info inputs interactive key label lines max_length max_lines min_width placeholder "
        "preserved_by_key render rtl scale show_label stop_btn submit_btn text_align type "
        "value visible"
    ),
    "Timer": names("active key preserved_by_key render value"),
    "UploadButton": names(
        "buttons container elem_classes elem_id every file_count file_types icon inputs "
        "interactive key label min_width preserved_by_key render scale size type value "
        "variant visible"
    ),
    "Video": names(
        "autoplay buttons container elem_classes elem_id every format height include_audio "
        "info inputs interactive key label loop min_width playback_position preserved_by_key "
        "render scale show_download_button show_label sources streaming subtitles value "
        "visible watermark webcam_options width"
    ),
}


@pytest.fixture(scope="module")
def surface() -> dict[str, set[str]]:
    callables = describe("limelight")["callables"]
    return {label: {p["name"] for p in params} for label, params in callables.items()}


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_parameters_are_kept(label: str, surface: dict[str, set[str]]) -> None:
    assert label in surface, f"{label} is gone"
    dropped = EXPECTED[label] - surface[label]
    assert not dropped, f"{label} lost {sorted(dropped)}"
