// `npm start`: until the desktop app exists, start the QSM sandbox with demo data and say so.
console.log('Toiawase: the app shell is not built yet; starting the QSM sandbox instead.');
await import('../src/sandbox/cli.js');
