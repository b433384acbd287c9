// A test fixture for pty-driver.py: reports the terminal size it sees, then answers each key
// with "got:<hex>" and quits on "q".
process.stdout.write(`size ${process.stdout.columns}x${process.stdout.rows} tty=${Boolean(process.stdin.isTTY)}\n`);
process.stdin.setRawMode(true);
process.stdin.on('data', (data) => {
	process.stdout.write(`got:${data.toString('hex')};`);
	if (data.toString() === 'q') process.exit(3);
});
