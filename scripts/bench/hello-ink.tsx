// The yardstick for the first frame: the smallest Ink app, bundled exactly as the tutor is.
import {render, Text} from 'ink';

render(<Text>Hello world</Text>);
