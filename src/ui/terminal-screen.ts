/**
 * The tutor draws on the terminal's alternate screen, like a pager or an editor, so quitting
 * gives the learner back the shell exactly as it was.
 */
export const ENTER_SCREEN = '\u001B[?1049h\u001B[?25l\u001B[H\u001B[2J';
export const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';
