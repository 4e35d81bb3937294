from kommlint.cli import main

main()
