// The memory yardstick: the smallest Ink app that stays up and waits for keys, as the tutor does.
import {render, Text, useApp, useInput} from 'ink';

function Hello() {
	const {exit} = useApp();
	useInput((input) => {
		if (input === 'q') exit();
	});
	return <Text>Hello world</Text>;
}

render(<Hello />);
